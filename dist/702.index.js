export const id = 702;
export const ids = [702];
export const modules = {

/***/ 6702:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createOctokit: () => (/* binding */ createOctokit),
/* harmony export */   describeGitHubError: () => (/* binding */ describeGitHubError),
/* harmony export */   labelings: () => (/* binding */ labelings),
/* harmony export */   listLabels: () => (/* binding */ listLabels),
/* harmony export */   openPullRequests: () => (/* binding */ openPullRequests),
/* harmony export */   permissionOf: () => (/* binding */ permissionOf),
/* harmony export */   removeLabel: () => (/* binding */ removeLabel)
/* harmony export */ });
/* harmony import */ var _actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2032);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6856);
/* harmony import */ var _octokit_rest__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1267);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3342);
/* harmony import */ var _core_version_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3323);
/* harmony import */ var _payloads_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5256);
/**
 * The GitHub side: @octokit/rest with the retry and throttling plugins, configured as
 * @actions/github configures its own client (GITHUB_API_URL for GHES, the runner's proxy
 * settings, its user agent), and the few calls the action makes. Loaded only when a run needs
 * GitHub (a comment, live labels, a permission).
 */







const GitHubOctokit = _octokit_rest__WEBPACK_IMPORTED_MODULE_2__/* .Octokit */ .E.plugin(_octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_3__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_4__/* .throttling */ .A);
const RATE_LIMIT_RETRIES = 2;
function createOctokit(options) {
    const onLimit = (kind) => (retryAfter, request, _octokit, retryCount) => {
        options.warn(`GitHub ${kind} on ${request.method} ${request.url}; retrying in ${retryAfter} s`);
        return retryCount < RATE_LIMIT_RETRIES;
    };
    const settings = {
        baseUrl: options.baseUrl,
        request: _actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_0__/* .defaults */ .NT.request,
        userAgent: _core_version_js__WEBPACK_IMPORTED_MODULE_5__/* .USER_AGENT */ ._O,
        log: { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } },
        retry: { retries: 3, retryAfterBaseValue: options.retryBaseMs ?? 1000 },
        throttle: {
            onRateLimit: onLimit('rate limit'),
            onSecondaryRateLimit: onLimit('secondary rate limit')
        }
    };
    // Without a token the calls go unauthenticated (getOctokitOptions refuses an empty one).
    return new GitHubOctokit(options.token ? (0,_actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_0__/* .getOctokitOptions */ .EG)(options.token, settings) : settings);
}
/** The labels a pull request has now (not the event's snapshot), every page. */
async function listLabels(octokit, where, issueNumber) {
    const labels = await octokit.paginate(octokit.rest.issues.listLabelsOnIssue, {
        ...where,
        issue_number: issueNumber,
        per_page: 100
    });
    return _payloads_js__WEBPACK_IMPORTED_MODULE_1__/* .labelsSchema */ .Pr.parse(labels).map((label) => label.name);
}
/** Every open pull request with its labels now, every page. */
async function openPullRequests(octokit, where) {
    const pulls = await octokit.paginate(octokit.rest.pulls.list, {
        ...where,
        state: 'open',
        per_page: 100
    });
    return _payloads_js__WEBPACK_IMPORTED_MODULE_1__/* .pullsSchema */ .q8
        .parse(pulls)
        .map((pull) => ({ number: pull.number, labels: pull.labels.map((label) => label.name) }));
}
/** The repository role of a user: admin, maintain, write, triage, read, or none. */
async function permissionOf(octokit, where, login) {
    try {
        const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({
            ...where,
            username: login
        });
        return _payloads_js__WEBPACK_IMPORTED_MODULE_1__/* .permissionSchema */ .V0.parse(data);
    }
    catch (error) {
        if (error.status === 404)
            return { permission: 'none' };
        throw error;
    }
}
/** Each label's last `labeled` event, from the issue's events (oldest first), every page. */
async function labelings(octokit, where, issueNumber) {
    const events = await octokit.paginate(octokit.rest.issues.listEvents, {
        ...where,
        issue_number: issueNumber,
        per_page: 100
    });
    const last = new Map();
    _payloads_js__WEBPACK_IMPORTED_MODULE_1__/* .eventsSchema */ .DG.parse(events).forEach((event, order) => {
        const name = event.label?.name;
        const actor = event.actor?.login;
        if (event.event === 'labeled' && name && actor)
            last.set(name, { actor, order });
    });
    return last;
}
/** Takes a label off an issue; one already gone is fine. */
async function removeLabel(octokit, where, issueNumber, name) {
    try {
        await octokit.rest.issues.removeLabel({ ...where, issue_number: issueNumber, name });
    }
    catch (error) {
        if (error.status !== 404)
            throw error;
    }
}
/** What GitHub says went wrong, in one line. */
function describeGitHubError(error) {
    const status = error.status;
    if (error instanceof zod__WEBPACK_IMPORTED_MODULE_6__/* .ZodError */ .G) {
        const issue = error.issues[0];
        return `an answer that does not match GitHub's API (${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'})`;
    }
    const message = error instanceof Error ? error.message : String(error);
    return status ? `${status} ${message}` : message;
}


/***/ }),

/***/ 5256:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DG: () => (/* binding */ eventsSchema),
/* harmony export */   Pr: () => (/* binding */ labelsSchema),
/* harmony export */   V0: () => (/* binding */ permissionSchema),
/* harmony export */   Wn: () => (/* binding */ issuesSchema),
/* harmony export */   X3: () => (/* binding */ commentSchema),
/* harmony export */   Zz: () => (/* binding */ authenticatedSchema),
/* harmony export */   cX: () => (/* binding */ commentsSchema),
/* harmony export */   j8: () => (/* binding */ issueSchema),
/* harmony export */   q8: () => (/* binding */ pullsSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5491);
/**
 * zod schemas for the parts of GitHub's answers the action reads, checked once where they arrive.
 */

const user = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ login: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), type: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP() });
const labelsSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP() }));
const permissionSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    permission: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    role_name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional()
});
const eventsSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    event: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    actor: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ login: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP() }).nullable().optional(),
    label: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP() }).optional()
}));
const commentSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    id: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int(),
    body: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    html_url: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    user: user.nullable()
});
const commentsSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(commentSchema);
const authenticatedSchema = user;
const pullsSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ number: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int(), labels: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP() })) }));
const issueSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    number: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int(),
    body: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable().optional(),
    html_url: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    user: user.nullable(),
    /** Set on pull requests, which GitHub's issue list includes. */
    pull_request: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({}).passthrough().optional()
});
const issuesSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(issueSchema);


/***/ })

};

//# sourceMappingURL=702.index.js.map