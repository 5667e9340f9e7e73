export const id = 299;
export const ids = [299,318];
export const modules = {

/***/ 7318:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MAX_COMMENT_LENGTH: () => (/* binding */ MAX_COMMENT_LENGTH),
/* harmony export */   authorOf: () => (/* binding */ authorOf),
/* harmony export */   composeBody: () => (/* binding */ composeBody),
/* harmony export */   digestIn: () => (/* binding */ digestIn),
/* harmony export */   findComment: () => (/* binding */ findComment),
/* harmony export */   firstOnPages: () => (/* binding */ firstOnPages),
/* harmony export */   isOurs: () => (/* binding */ isOurs),
/* harmony export */   markerFor: () => (/* binding */ markerFor),
/* harmony export */   putBody: () => (/* binding */ putBody),
/* harmony export */   writeComment: () => (/* binding */ writeComment),
/* harmony export */   writtenBy: () => (/* binding */ writtenBy)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _payloads_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5256);
/**
 * One sticky report comment per pull request: found again by its hidden marker (on every page of
 * comments, written by the same kind of author), updated in place, and left alone when its content
 * would not change.
 */


/** GitHub refuses comment bodies over this many characters. */
const MAX_COMMENT_LENGTH = 65_536;
function markerFor(key) {
    return `<!-- launchdarkly-expiring-targets ${key} -->`;
}
function digestOf(content) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(content).digest('hex').slice(0, 16);
}
/**
 * The comment's body: marker, a digest of the content, the content, then a footer (the run link)
 * that changes every run and so is left out of the digest.
 */
function composeBody(marker, content, footer) {
    return `${marker}\n<!-- digest ${digestOf(content)} -->\n${content}\n\n${footer}`.trimEnd();
}
function digestIn(body) {
    return /^<!-- digest ([0-9a-f]{16}) -->$/m.exec(body ?? '')?.[1];
}
/** Who wrote the comments of this token: a bot for installation tokens, else ask GitHub. */
async function authorOf(octokit, token) {
    if (token.startsWith('ghs_'))
        return { kind: 'bot' };
    try {
        const { data } = await octokit.rest.users.getAuthenticated();
        const user = _payloads_js__WEBPACK_IMPORTED_MODULE_1__/* .authenticatedSchema */ .Zz.parse(data);
        return user.type === 'Bot' ? { kind: 'bot' } : { kind: 'user', login: user.login };
    }
    catch {
        return { kind: 'bot' };
    }
}
/** The report comment already on the PR, if any: the first with the marker by our author. */
async function findComment(octokit, where, issueNumber, marker, author) {
    const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
        ...where,
        issue_number: issueNumber,
        per_page: 100
    });
    return firstOnPages(pages, _payloads_js__WEBPACK_IMPORTED_MODULE_1__/* .commentsSchema */ .cX, (comment) => isOurs(comment, marker, author));
}
/** The first item, page after page, that `match` accepts: later pages are not read. */
async function firstOnPages(pages, schema, match) {
    for await (const page of pages) {
        const found = schema.parse(page.data).find(match);
        if (found)
            return found;
    }
    return undefined;
}
/** An item (comment or issue) that carries the marker and is by the author of ours. */
function isOurs(item, marker, author) {
    return Boolean(item.body?.startsWith(marker)) && writtenBy(item.user, author);
}
/** Whether a comment or an issue is by the author whose items count as ours. */
function writtenBy(user, author) {
    return author.kind === 'user' ? user?.login === author.login : user?.type === 'Bot';
}
/**
 * Leaves a marked body alone when its content is the same, else updates it in place, or creates
 * it when there is none: the one write path of the comment and the dashboard. GitHub's answer is
 * read for the written item's URL.
 */
async function putBody(existing, body, write) {
    if (existing && digestIn(existing.body) === digestIn(body)) {
        return { url: existing.html_url, action: 'unchanged' };
    }
    const answer = existing ? await write.update(existing) : await write.create();
    const { html_url: url } = _payloads_js__WEBPACK_IMPORTED_MODULE_1__/* .writtenSchema */ .hp.parse(answer.data);
    return { url, action: existing ? 'updated' : 'created' };
}
/** Creates the comment, updates it in place, or leaves it when its content is the same. */
async function writeComment(octokit, where, issueNumber, existing, body) {
    return putBody(existing, body, {
        update: ({ id }) => octokit.rest.issues.updateComment({ ...where, comment_id: id, body }),
        create: () => octokit.rest.issues.createComment({ ...where, issue_number: issueNumber, body })
    });
}


/***/ }),

/***/ 299:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DASHBOARD_TITLE: () => (/* binding */ DASHBOARD_TITLE),
/* harmony export */   dashboardContent: () => (/* binding */ dashboardContent),
/* harmony export */   dashboardMarker: () => (/* binding */ dashboardMarker),
/* harmony export */   findDashboard: () => (/* binding */ findDashboard),
/* harmony export */   writeDashboard: () => (/* binding */ writeDashboard)
/* harmony export */ });
/* harmony import */ var _comment_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7318);
/* harmony import */ var _core_markers_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7164);
/* harmony import */ var _payloads_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5256);



const DASHBOARD_TITLE = 'LaunchDarkly expiring targets dashboard';
const SECTIONS = {
    due: { heading: 'Due soon', none: 'Not read yet: no digest has run with dashboard: true.' },
    drift: {
        heading: 'Drift at the last reconcile',
        none: 'Not known yet: no reconcile has run with dashboard: true.'
    }
};
function dashboardMarker(key) {
    return `${_core_markers_js__WEBPACK_IMPORTED_MODULE_2__/* .DASHBOARD_MARKER_START */ .F}${key} -->`;
}
function sectionIn(body, name) {
    const found = new RegExp(`<!-- section:${name} -->\\n([\\s\\S]*?)\\n<!-- /section:${name} -->`).exec(body ?? '');
    return found?.[1];
}
/** The dashboard's content: this run's sections, and the existing issue's for the others. */
function dashboardContent(sections, existingBody) {
    const parts = [
        `## ${DASHBOARD_TITLE}`,
        '*Kept up to date by the LaunchDarkly Expiring Targets action: edits here are overwritten.*'
    ];
    for (const name of Object.keys(SECTIONS)) {
        const content = sections[name] ?? sectionIn(existingBody, name) ?? SECTIONS[name].none;
        parts.push(`### ${SECTIONS[name].heading}`, `<!-- section:${name} -->\n${content}\n<!-- /section:${name} -->`);
    }
    return parts.join('\n\n');
}
/** The open dashboard issue, if any: the first with the marker by our author. */
async function findDashboard(octokit, { where, marker, author }) {
    const pages = octokit.paginate.iterator(octokit.rest.issues.listForRepo, {
        ...where,
        state: 'open',
        per_page: 100,
        ...(author.kind === 'user' ? { creator: author.login } : {})
    });
    return (0,_comment_js__WEBPACK_IMPORTED_MODULE_0__.firstOnPages)(pages, _payloads_js__WEBPACK_IMPORTED_MODULE_1__/* .issuesSchema */ .Wn, (issue) => !issue.pull_request && (0,_comment_js__WEBPACK_IMPORTED_MODULE_0__.isOurs)(issue, marker, author));
}
/** Creates the issue, edits it in place, or leaves it when its content is the same. */
async function writeDashboard(octokit, where, existing, marker, content, footer) {
    const body = (0,_comment_js__WEBPACK_IMPORTED_MODULE_0__.composeBody)(marker, content, footer);
    return (0,_comment_js__WEBPACK_IMPORTED_MODULE_0__.putBody)(existing, body, {
        update: ({ number }) => octokit.rest.issues.update({ ...where, issue_number: number, body }),
        create: () => octokit.rest.issues.create({ ...where, title: DASHBOARD_TITLE, body })
    });
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

//# sourceMappingURL=299.index.js.map