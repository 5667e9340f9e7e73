export const id = 584;
export const ids = [584];
export const modules = {

/***/ 6584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createOctokit: () => (/* binding */ createOctokit),
/* harmony export */   describeGitHubError: () => (/* binding */ describeGitHubError),
/* harmony export */   labelActors: () => (/* binding */ labelActors),
/* harmony export */   listLabels: () => (/* binding */ listLabels),
/* harmony export */   permissionOf: () => (/* binding */ permissionOf),
/* harmony export */   repositoryFrom: () => (/* binding */ repositoryFrom)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1758);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6856);
/**
 * The GitHub side: an Octokit with GitHub's own retry and throttling plugins, and the few calls
 * the action makes. Loaded only when a run needs GitHub (a comment, live labels, a permission).
 */



function createOctokit(options) {
    const onLimit = (kind) => (retryAfter, request, _octokit, retryCount) => {
        options.warn(`GitHub ${kind} on ${request.method} ${request.url}; retrying in ${retryAfter} s`);
        return retryCount < 2;
    };
    const settings = {
        baseUrl: options.baseUrl,
        log: { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } },
        retry: { retries: 3, retryAfterBaseValue: options.retryAfterBaseValue ?? 1000 },
        throttle: {
            onRateLimit: onLimit('rate limit'),
            onSecondaryRateLimit: onLimit('secondary rate limit')
        }
    };
    return (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(options.token, settings, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_1__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__/* .throttling */ .A);
}
function repositoryFrom(env = process.env) {
    const [owner, repo, extra] = (env.GITHUB_REPOSITORY ?? '').split('/');
    return owner && repo && extra === undefined ? { owner, repo } : undefined;
}
/** The labels a pull request has now (not the event's snapshot), every page. */
async function listLabels(octokit, where, issueNumber) {
    const labels = await octokit.paginate(octokit.rest.issues.listLabelsOnIssue, {
        ...where,
        issue_number: issueNumber,
        per_page: 100
    });
    return labels.map((label) => label.name);
}
/** What GitHub says went wrong, in one line. */
function describeGitHubError(error) {
    const status = error.status;
    const message = error instanceof Error ? error.message : String(error);
    return status ? `${status} ${message}` : message;
}
/** The repository role of a user: admin, maintain, write, triage, read, or none. */
async function permissionOf(octokit, where, login) {
    try {
        const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({
            ...where,
            username: login
        });
        return data;
    }
    catch (error) {
        if (error.status === 404)
            return { permission: 'none' };
        throw error;
    }
}
/** Who added each label last: label name -> login, from the issue's events, every page. */
async function labelActors(octokit, where, issueNumber) {
    const events = await octokit.paginate(octokit.rest.issues.listEvents, {
        ...where,
        issue_number: issueNumber,
        per_page: 100
    });
    const actors = new Map();
    for (const event of events) {
        const name = event.label?.name;
        if (event.event === 'labeled' && name && event.actor?.login)
            actors.set(name, event.actor.login);
    }
    return actors;
}


/***/ })

};

//# sourceMappingURL=584.index.js.map