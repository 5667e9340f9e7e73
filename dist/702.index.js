export const id = 702;
export const ids = [702];
export const modules = {

/***/ 6702:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GitHubTimeoutError: () => (/* binding */ GitHubTimeoutError),
/* harmony export */   PaginationError: () => (/* binding */ PaginationError),
/* harmony export */   commentBody: () => (/* binding */ commentBody),
/* harmony export */   createOctokit: () => (/* binding */ createOctokit),
/* harmony export */   describeGitHubError: () => (/* binding */ describeGitHubError),
/* harmony export */   isPermissionDenied: () => (/* binding */ isPermissionDenied),
/* harmony export */   labelings: () => (/* binding */ labelings),
/* harmony export */   listLabels: () => (/* binding */ listLabels),
/* harmony export */   openPullRequests: () => (/* binding */ openPullRequests),
/* harmony export */   permissionOf: () => (/* binding */ permissionOf),
/* harmony export */   reactToComment: () => (/* binding */ reactToComment),
/* harmony export */   removeLabel: () => (/* binding */ removeLabel),
/* harmony export */   retriesWithin: () => (/* binding */ retriesWithin),
/* harmony export */   retryLater: () => (/* binding */ retryLater)
/* harmony export */ });
/* harmony import */ var _actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2032);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6856);
/* harmony import */ var _octokit_rest__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1267);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3342);
/* harmony import */ var _core_when_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8807);
/* harmony import */ var _core_version_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3323);
/* harmony import */ var _payloads_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5256);








/** No answer within request-timeout: the attempt was abandoned. */
class GitHubTimeoutError extends Error {
    timeoutMs;
    write;
    constructor(timeoutMs, 
    /** A write: it may have been applied, so it is not sent again. */
    write = false) {
        super(`no answer within ${seconds(timeoutMs)} (request-timeout)${write ? '; the write may have been made, so it was not sent again' : ''}`);
        this.timeoutMs = timeoutMs;
        this.write = write;
        this.name = 'GitHubTimeoutError';
    }
}
/** GitHub's list answered a page it had already given: following its links would not end. */
class PaginationError extends Error {
    constructor(message) {
        super(message);
        this.name = 'PaginationError';
    }
}
/** More pages than any list the action reads should have (100 items a page). */
const MAX_PAGES = 1000;
const GitHubOctokit = _octokit_rest__WEBPACK_IMPORTED_MODULE_3__/* .Octokit */ .E.plugin(timeouts, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_5__/* .throttling */ .A, boundedPagination);
/** The retry plugin's refusals, and 429: rate limits are the throttling plugin's to wait out. */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];
function createOctokit(options) {
    const retryBaseMs = options.retryBaseMs ?? 1000;
    /** What each request has waited for rate limits so far. */
    const waited = new WeakMap();
    const onLimit = (kind) => (retryAfter, request, _octokit, retryCount) => {
        const total = (waited.get(request) ?? 0) + retryAfter * 1000;
        if (retryCount + 1 >= options.maxAttempts || total > options.maxRetryWaitMs)
            return false;
        waited.set(request, total);
        options.warn(`GitHub ${kind} on ${request.method} ${request.url}; retrying in ${retryAfter} s`);
        return true;
    };
    const settings = {
        baseUrl: options.baseUrl,
        request: {
            ..._actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_0__/* .defaults */ .NT.request,
            fetch: timedFetch(_actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_0__/* .defaults */ .NT.request?.fetch ?? fetch, options.requestTimeoutMs)
        },
        userAgent: _core_version_js__WEBPACK_IMPORTED_MODULE_6__/* .USER_AGENT */ ._O,
        log: { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } },
        retry: {
            retries: retriesWithin(options, retryBaseMs),
            retryAfterBaseValue: retryBaseMs,
            doNotRetry: DO_NOT_RETRY
        },
        throttle: {
            retryAfterBaseValue: options.rateLimitSecondMs ?? 1000,
            onRateLimit: onLimit('rate limit'),
            onSecondaryRateLimit: onLimit('secondary rate limit')
        }
    };
    // Without a token the calls go unauthenticated (getOctokitOptions refuses an empty one).
    return new GitHubOctokit(options.token ? (0,_actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_0__/* .getOctokitOptions */ .EG)(options.token, settings) : settings);
}
/**
 * The retries that fit in max-attempts and max-retry-wait: the retry plugin waits
 * base × 1², base × 2², … before them.
 */
function retriesWithin(limits, baseMs) {
    let retries = 0;
    let waitedMs = 0;
    while (retries + 1 < limits.maxAttempts) {
        const next = baseMs * (retries + 1) ** 2;
        if (waitedMs + next > limits.maxRetryWaitMs)
            break;
        waitedMs += next;
        retries++;
    }
    return retries;
}
/**
 * Octokit's fetch with a timeout on each call: the retry plugin calls fetch again for each
 * attempt, so every attempt gets its own request-timeout.
 */
function timedFetch(inner, timeoutMs) {
    return async (input, init) => {
        const timeout = AbortSignal.timeout(timeoutMs);
        const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
        try {
            return await inner(input, { ...init, signal });
        }
        catch (error) {
            if (timeout.aborted)
                throw new GitHubTimeoutError(timeoutMs);
            throw error;
        }
    };
}
/**
 * Registered before the retry plugin, so its hook sees each attempt's failure first: a write
 * (POST, PATCH, PUT, DELETE) that timed out may have been applied, so it ends here instead of
 * being sent again; a read that timed out goes on to the retry plugin.
 */
function timeouts(octokit) {
    octokit.hook.error('request', (error, options) => {
        const cause = error.cause;
        if (!(cause instanceof GitHubTimeoutError))
            throw error;
        if (options.method === 'GET' || options.method === 'HEAD')
            throw error;
        throw new GitHubTimeoutError(cause.timeoutMs, true);
    });
}
/**
 * octokit.paginate and octokit.paginate.iterator follow each answer's `Link: rel="next"`; a
 * server or proxy that links back to a page already read, or answers with items already read,
 * would be followed for ever. Applied after @octokit/rest's pagination, this keeps its API and
 * stops such a list with one sentence.
 */
function boundedPagination(octokit) {
    const { paginate } = octokit;
    const pages = paginate.iterator;
    const gather = paginate;
    const iterator = (route, parameters) => ({
        async *[Symbol.asyncIterator]() {
            const check = pageGuard();
            for await (const page of pages(route, parameters)) {
                check(page);
                yield page;
            }
        }
    });
    const bounded = (route, parameters, mapFn) => {
        if (typeof parameters === 'function')
            [mapFn, parameters] = [parameters, undefined];
        const map = mapFn;
        const check = pageGuard();
        return gather(route, parameters, (page, done) => {
            check(page);
            return map ? map(page, done) : page.data;
        });
    };
    return { paginate: Object.assign(bounded, { iterator }) };
}
/** Throws when a page was read before (its URL, or every item's id), or past MAX_PAGES. */
function pageGuard() {
    const urls = new Set();
    const ids = new Set();
    return (page) => {
        const path = new URL(page.url, 'http://github.invalid').pathname;
        const where = `GitHub's list at ${path}`;
        if (urls.has(page.url))
            throw new PaginationError(`${where} linked back to a page it had already given, so it was read no further`);
        if (urls.size >= MAX_PAGES)
            throw new PaginationError(`${where} went on past ${MAX_PAGES} pages, so it was read no further`);
        urls.add(page.url);
        const items = Array.isArray(page.data) ? page.data : [];
        const keyed = items.filter((item) => item?.id !== undefined);
        if (keyed.length > 0 && keyed.length === items.length && keyed.every((i) => ids.has(i.id)))
            throw new PaginationError(`${where} answered a page with only items it had already given, so it was read no further`);
        for (const item of keyed)
            ids.add(item.id);
    };
}
/** The labels a pull request has now (not the event's snapshot), every page. */
async function listLabels(octokit, where, issueNumber) {
    const labels = await octokit.paginate(octokit.rest.issues.listLabelsOnIssue, {
        ...where,
        issue_number: issueNumber,
        per_page: 100
    });
    return _payloads_js__WEBPACK_IMPORTED_MODULE_2__/* .labelsSchema */ .Pr.parse(labels).map((label) => label.name);
}
/** Every open pull request with its labels now, every page. */
async function openPullRequests(octokit, where) {
    const pulls = await octokit.paginate(octokit.rest.pulls.list, {
        ...where,
        state: 'open',
        per_page: 100
    });
    return _payloads_js__WEBPACK_IMPORTED_MODULE_2__/* .pullsSchema */ .q8
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
        return _payloads_js__WEBPACK_IMPORTED_MODULE_2__/* .permissionSchema */ .V0.parse(data);
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
    _payloads_js__WEBPACK_IMPORTED_MODULE_2__/* .eventsSchema */ .DG.parse(events).forEach((event, order) => {
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
/** An issue or pull request comment's body now; undefined when it was deleted. */
async function commentBody(octokit, where, commentId) {
    try {
        const { data } = await octokit.rest.issues.getComment({ ...where, comment_id: commentId });
        return _payloads_js__WEBPACK_IMPORTED_MODULE_2__/* .commentSchema */ .X3.parse(data).body ?? '';
    }
    catch (error) {
        if (error.status === 404)
            return undefined;
        throw error;
    }
}
/** Reacts to an issue or pull request comment; GitHub answers 200 when it had that one already. */
async function reactToComment(octokit, where, commentId, content) {
    await octokit.rest.reactions.createForIssueComment({ ...where, comment_id: commentId, content });
}
/** When GitHub asked to be called again, and which limit it was: from a 403 or 429. */
function retryLater(error, now = Date.now()) {
    const { status, message, response } = error;
    if (status !== 403 && status !== 429)
        return undefined;
    const headers = response?.headers ?? {};
    // As the throttling plugin reads them: a secondary limit says so, and Retry-After (else 60 s).
    if (/\bsecondary rate\b/i.test(message ?? ''))
        return {
            until: retryTime(now + (Number(headers['retry-after']) || 60) * 1000),
            limit: 'secondary rate limit'
        };
    const reset = Number(headers['x-ratelimit-reset']);
    if (headers['x-ratelimit-remaining'] === '0' && Number.isFinite(reset))
        return { until: retryTime((reset + 1) * 1000), limit: 'rate limit' };
    return undefined;
}
/** GitHub said the token may not do this (as opposed to a rate limit, or a missing item). */
function isPermissionDenied(error) {
    const { status, message } = error;
    return status === 403 && /not accessible by/i.test(message ?? '');
}
/** What GitHub says went wrong, in one line. */
function describeGitHubError(error) {
    const status = error.status;
    if (error instanceof zod__WEBPACK_IMPORTED_MODULE_7__/* .ZodError */ .G) {
        const issue = error.issues[0];
        return `an answer that does not match GitHub's API (${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'})`;
    }
    const cause = error.cause;
    if (error instanceof GitHubTimeoutError || error instanceof PaginationError)
        return error.message;
    if (cause instanceof GitHubTimeoutError)
        return cause.message;
    const message = error instanceof Error ? error.message : String(error);
    return status ? `${status} ${message}` : message;
}
/** When to run again: the time a wait ends, rounded up to the minute, in UTC. */
function retryTime(untilMs) {
    return (0,_core_when_js__WEBPACK_IMPORTED_MODULE_1__/* .formatUtc */ .ay)(Math.ceil(untilMs / 60_000) * 60_000);
}
function seconds(ms) {
    return `${Number((ms / 1000).toFixed(3))} s`;
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
/* harmony export */   hp: () => (/* binding */ writtenSchema),
/* harmony export */   q8: () => (/* binding */ pullsSchema)
/* harmony export */ });
/* unused harmony export issueSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1137);
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
/** GitHub's answer to a comment or issue written: where it is. */
const writtenSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ html_url: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP() });
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