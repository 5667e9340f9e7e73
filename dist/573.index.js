export const id = 573;
export const ids = [573];
export const modules = {

/***/ 573:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createOctokit: () => (/* binding */ createOctokit),
  describeGitHubError: () => (/* binding */ describeGitHubError),
  labelActors: () => (/* binding */ labelActors),
  listLabels: () => (/* binding */ listLabels),
  permissionOf: () => (/* binding */ permissionOf),
  worthRetrying: () => (/* binding */ worthRetrying)
});

// EXTERNAL MODULE: ./node_modules/@octokit/core/dist-src/index.js + 12 modules
var dist_src = __webpack_require__(730);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/errors.js
var errors = __webpack_require__(961);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-paginate-rest/dist-bundle/index.js
var dist_bundle = __webpack_require__(779);
// EXTERNAL MODULE: ./src/http.ts
var src_http = __webpack_require__(803);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/github/fetch.ts
/**
 * The part of `fetch` that Octokit's request layer uses, over the shared node:http client: no
 * undici to load, no first-use cost of the global fetch.
 */

class Headers {
    source;
    constructor(source) {
        this.source = source;
    }
    get(name) {
        return (0,src_http/* header */.wx)(this.source, name.toLowerCase()) ?? null;
    }
    *[Symbol.iterator]() {
        for (const name of Object.keys(this.source))
            yield [name, (0,src_http/* header */.wx)(this.source, name) ?? ''];
    }
}
class Response {
    url;
    status;
    statusText;
    headers;
    body;
    constructor(url, response) {
        this.url = url;
        this.status = response.status;
        this.statusText = response.statusText;
        this.headers = new Headers(response.headers);
        this.body = response.text;
    }
    text() {
        return Promise.resolve(this.body);
    }
    arrayBuffer() {
        const bytes = Buffer.from(this.body);
        return Promise.resolve(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    }
}
function fetchOver(client, timeoutMs) {
    return async (url, init = {}) => {
        const response = await client.request(url, {
            method: init.method ?? 'GET',
            headers: init.headers ?? {},
            body: init.body,
            timeoutMs
        });
        return new Response(url, response);
    };
}

// EXTERNAL MODULE: ./src/github/schemas.ts
var schemas = __webpack_require__(115);
;// CONCATENATED MODULE: ./src/github/client.ts
/**
 * The GitHub side: Octokit's core with pagination, speaking through the shared node:http client,
 * and the few calls the action makes. Loaded only when a run needs GitHub (a comment, live labels,
 * a permission).
 *
 * Octokit's retry and throttling plugins schedule every request through Bottleneck, which costs
 * 5-15 ms a request even when nothing fails. So a request is first sent plainly; when it fails
 * in a way worth retrying (5xx, a dropped connection, a rate limit), it is sent again through an
 * Octokit with both plugins (github/resilient.ts, loaded then), which wait and retry as they do.
 */







const PlainOctokit = dist_src/* Octokit */.E.plugin(dist_bundle/* paginateRest */.ud);
const TIMEOUT_MS = 30_000;
/** What the plugins would retry: server errors, lost connections, rate limits. */
function worthRetrying(error) {
    const status = error.status;
    const message = error instanceof Error ? error.message : '';
    if (status === undefined || status >= 500 || status === 429)
        return true;
    return status === 403 && /rate limit/i.test(message);
}
function createOctokit(options) {
    const http = new src_http/* HttpClient */.Qq(4);
    const settings = {
        auth: options.token,
        baseUrl: options.baseUrl,
        userAgent: version/* USER_AGENT */._O,
        request: { fetch: fetchOver(http, TIMEOUT_MS) },
        log: { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } }
    };
    const octokit = new PlainOctokit(settings);
    let resilient;
    octokit.hook.wrap('request', async (request, endpoint) => {
        try {
            return await request(endpoint);
        }
        catch (error) {
            if (!worthRetrying(error))
                throw error;
            resilient ??= Promise.all(/* import() */[__webpack_require__.e(214), __webpack_require__.e(476)]).then(__webpack_require__.bind(__webpack_require__, 476)).then((m) => m.createResilientOctokit(settings, options.warn));
            // The same route and parameters, without this instance's own request hook and defaults.
            const parameters = { ...endpoint };
            for (const own of ['method', 'url', 'request', 'baseUrl', 'mediaType'])
                delete parameters[own];
            const { method, url } = endpoint;
            return (await resilient).request(`${method} ${url}`, parameters);
        }
    });
    return { octokit, close: () => http.close() };
}
/** The labels a pull request has now (not the event's snapshot), every page. */
async function listLabels(octokit, where, issueNumber) {
    const labels = await octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/labels', {
        ...where,
        issue_number: issueNumber,
        per_page: 100
    });
    return schemas/* labelsSchema */.Pr.parse(labels).map((label) => label.name);
}
/** The repository role of a user: admin, maintain, write, triage, read, or none. */
async function permissionOf(octokit, where, login) {
    try {
        const { data } = await octokit.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', {
            ...where,
            username: login
        });
        return schemas/* permissionSchema */.V0.parse(data);
    }
    catch (error) {
        if (error.status === 404)
            return { permission: 'none' };
        throw error;
    }
}
/** Who added each label last: label name -> login, from the issue's events, every page. */
async function labelActors(octokit, where, issueNumber) {
    const events = await octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/events', {
        ...where,
        issue_number: issueNumber,
        per_page: 100
    });
    const actors = new Map();
    for (const event of schemas/* eventsSchema */.DG.parse(events)) {
        const name = event.label?.name;
        if (event.event === 'labeled' && name && event.actor?.login)
            actors.set(name, event.actor.login);
    }
    return actors;
}
/** What GitHub says went wrong, in one line. */
function describeGitHubError(error) {
    const status = error.status;
    if (error instanceof errors/* ZodError */.G) {
        const issue = error.issues[0];
        return `an answer that does not match GitHub's API (${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'})`;
    }
    const message = error instanceof Error ? error.message : String(error);
    return status ? `${status} ${message}` : message;
}


/***/ }),

/***/ 115:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DG: () => (/* binding */ eventsSchema),
/* harmony export */   Pr: () => (/* binding */ labelsSchema),
/* harmony export */   V0: () => (/* binding */ permissionSchema),
/* harmony export */   X3: () => (/* binding */ commentSchema),
/* harmony export */   Zz: () => (/* binding */ authenticatedSchema),
/* harmony export */   cX: () => (/* binding */ commentsSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(491);
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


/***/ })

};

//# sourceMappingURL=573.index.js.map