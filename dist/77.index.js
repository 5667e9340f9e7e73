export const id = 77;
export const ids = [77,114];
export const modules = {

/***/ 5077:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runDashboardEdit: () => (/* binding */ runDashboardEdit)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1137);
/* harmony import */ var _engine_execute_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2756);
/* harmony import */ var _github_permission_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(2892);
/* harmony import */ var _launchdarkly_container_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8255);
/* harmony import */ var _core_logger_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1227);
/* harmony import */ var _core_when_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8807);
/* harmony import */ var _core_target_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(4294);
/* harmony import */ var _report_boxes_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1163);
/* harmony import */ var _report_escape_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(6412);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5114);
/* harmony import */ var _mode_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1428);
/* harmony import */ var _scan_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5243);
/**
 * An edit of the dashboard issue (the digest step, `dashboard: true`, on `issues: [edited]`): the
 * boxes ticked in the new body and unticked in the one before (the action's own text, so a box
 * pasted in is ignored) act, once the sender passes the gate: **extend** moves that removal by
 * extend-by from its current time, **keep** cancels it. One PATCH per (container, environment);
 * then the digest rewrites the dashboard, every box unticked, under a line saying what was done,
 * by whom and when. Refused, nothing is sent and the dashboard says so.
 */












const editPayload = zod__WEBPACK_IMPORTED_MODULE_7__/* .object */ .Ikc({
    action: zod__WEBPACK_IMPORTED_MODULE_7__/* .literal */ .euz('edited'),
    issue: zod__WEBPACK_IMPORTED_MODULE_7__/* .object */ .Ikc({ number: zod__WEBPACK_IMPORTED_MODULE_7__/* .number */ .aig().int().positive(), body: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().nullish() }),
    changes: zod__WEBPACK_IMPORTED_MODULE_7__/* .object */ .Ikc({ body: zod__WEBPACK_IMPORTED_MODULE_7__/* .object */ .Ikc({ from: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().nullish() }).nullish() })
        .passthrough()
        .nullish(),
    sender: zod__WEBPACK_IMPORTED_MODULE_7__/* .object */ .Ikc({ login: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().min(1) })
});
/** The run of a dashboard edit; undefined when it is not ours to act on (nothing written). */
async function runDashboardEdit(input) {
    const { context, settings, github, launchDarkly } = input;
    if (!settings.dashboard) {
        _core_logger_js__WEBPACK_IMPORTED_MODULE_2__.info('The dashboard was edited, but this step has dashboard: false: nothing to do.');
        return undefined;
    }
    const parsed = editPayload.safeParse(context.event.payload);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`The issues event payload has no usable edit (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'})`);
    }
    const { issue, changes, sender } = parsed.data;
    // The event alone says whether a box was ticked: only then is GitHub asked which issue is ours.
    const boxes = (0,_report_boxes_js__WEBPACK_IMPORTED_MODULE_8__/* .tickedBoxes */ .ab)(issue.body, changes?.body?.from).filter((box) => inScope(box, input));
    if (boxes.length === 0) {
        _core_logger_js__WEBPACK_IMPORTED_MODULE_2__.info('No box of the dashboard was ticked by this edit: nothing to do.');
        return undefined;
    }
    const number = await github.dashboardNumber(`project=${settings.projectKey}`);
    if (number !== issue.number) {
        _core_logger_js__WEBPACK_IMPORTED_MODULE_2__.info(`Issue #${issue.number} is not this step's dashboard: nothing to do.`);
        return undefined;
    }
    const at = (0,_core_when_js__WEBPACK_IMPORTED_MODULE_3__/* .formatUtc */ .ay)(Date.now());
    const by = (0,_report_escape_js__WEBPACK_IMPORTED_MODULE_9__/* .text */ .Qq)(`@${sender.login}`);
    const refusal = await refused(input, sender.login);
    if (refusal !== undefined) {
        _core_logger_js__WEBPACK_IMPORTED_MODULE_2__.warning(`${refusal} Nothing was sent to LaunchDarkly.`);
        return withNote(input, `**Not done:** ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_9__/* .text */ .Qq)(refusal)} (boxes ticked by ${by}, ${at}).`);
    }
    const now = Date.now();
    const endpoint = settings.contextKind !== undefined || boxes.some((b) => b.target.kind !== _core_target_js__WEBPACK_IMPORTED_MODULE_10__/* .USER_KIND */ .P1)
        ? 'contexts'
        : 'users';
    const options = (0,_mode_js__WEBPACK_IMPORTED_MODULE_5__/* .applyOptions */ .V1)(input, endpoint, now);
    const origin = `the dashboard, box ticked by @${sender.login}`;
    const planner = (state, ref) => boxes
        .filter((box) => (0,_launchdarkly_container_js__WEBPACK_IMPORTED_MODULE_1__/* .pairId */ .a6)(refOf(box, settings.projectKey)) === (0,_launchdarkly_container_js__WEBPACK_IMPORTED_MODULE_1__/* .pairId */ .a6)(ref))
        .flatMap((box) => {
        const when = whenOf(box, state.items, settings.extendByMs);
        if (!when)
            return [];
        const source = `${box.action} ${box.target.kind} ${box.target.key}`;
        return [{ target: box.target, when, source, origin }];
    });
    const pairs = unique(boxes.map((box) => refOf(box, settings.projectKey)));
    const flags = await (0,_engine_execute_js__WEBPACK_IMPORTED_MODULE_0__/* .applyAll */ .yl)(launchDarkly, pairs, planner, options);
    const note = `**Done from the boxes** by ${by}, ${at}: ${describeDone(flags, boxes)}`;
    const result = await withNote(input, note);
    return { ...result, report: (0,_scan_js__WEBPACK_IMPORTED_MODULE_6__/* .scanReport */ .M)(input, flags, settings.dryRun) };
}
/** Only the step's own environments, flags and segments. */
function inScope(box, { settings }) {
    if (!settings.environmentKeys.includes(box.environmentKey))
        return false;
    if (box.container.kind === 'flag')
        return settings.allFlags || settings.flagKeys.includes(box.container.key);
    return settings.allSegments || settings.segmentKeys.includes(box.container.key);
}
/** Why the sender may not act, or undefined when they may. */
async function refused({ settings, github }, login) {
    const required = settings.requiredPermission;
    if (required === 'none')
        return undefined;
    const needs = `acting from the dashboard needs ${required} permission (input required-permission)`;
    try {
        const actual = await github.permissionOf(login);
        if ((0,_github_permission_js__WEBPACK_IMPORTED_MODULE_11__/* .allows */ .NB)(actual, required))
            return undefined;
        return `${login} has ${actual} permission; ${needs}.`;
    }
    catch (error) {
        return `could not check the permission of ${login} (${error.message}); ${needs}.`;
    }
}
function refOf(box, projectKey) {
    const { kind, key } = box.container;
    return kind === 'flag'
        ? (0,_launchdarkly_container_js__WEBPACK_IMPORTED_MODULE_1__/* .flagRef */ .ug)(projectKey, key, box.environmentKey)
        : (0,_launchdarkly_container_js__WEBPACK_IMPORTED_MODULE_1__/* .segmentRef */ .Jl)(projectKey, key, box.environmentKey);
}
/** keep: never; extend: the removal's current time plus extend-by; none when it has no removal. */
function whenOf(box, items, extendByMs) {
    if (box.action === 'keep')
        return { kind: 'never' };
    const item = items.find((i) => i.target.kind === box.target.kind && i.target.key === box.target.key);
    if (!item)
        return undefined;
    return { kind: 'at', epochMs: Math.min(item.expirationDate + extendByMs, _core_when_js__WEBPACK_IMPORTED_MODULE_3__/* .LATEST_MS */ .BL) };
}
function describeDone(flags, boxes) {
    const parts = flags.flatMap((f) => f.entries.map((r) => {
        const { target, when } = r.planned.entry;
        const what = when.kind === 'never' ? 'kept' : `extended to ${(0,_core_when_js__WEBPACK_IMPORTED_MODULE_3__/* .formatUtc */ .ay)(when.epochMs)}`;
        const where = `${f.ref.kind} ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_9__/* .code */ .aY)(f.ref.key, false)} in ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_9__/* .code */ .aY)(f.ref.environmentKey, false)}`;
        const who = `${target.kind} ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_9__/* .code */ .aY)(target.key, false)}`;
        return `${who} on ${where} ${r.outcome === 'failed' ? `not ${what} (failed)` : what}`;
    }));
    const acted = parts.length;
    const missing = boxes.length - acted;
    if (missing > 0)
        parts.push(`${missing} box${missing === 1 ? '' : 'es'} named no removal now`);
    return `${parts.join('; ')}.`;
}
/** The digest's rewrite of the dashboard (every box unticked), under a line. */
async function withNote(input, note) {
    const result = await (0,_digest_js__WEBPACK_IMPORTED_MODULE_4__.runDigest)(input);
    const due = result.dashboard?.due;
    return {
        ...result,
        ...(due !== undefined ? { dashboard: { ...result.dashboard, due: `${note}\n\n${due}` } } : {})
    };
}
function unique(refs) {
    return [...new Map(refs.map((ref) => [(0,_launchdarkly_container_js__WEBPACK_IMPORTED_MODULE_1__/* .pairId */ .a6)(ref), ref])).values()];
}


/***/ }),

/***/ 5114:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runDigest: () => (/* binding */ runDigest)
/* harmony export */ });
/* harmony import */ var _report_due_soon_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2250);
/* harmony import */ var _report_boxes_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1163);
/* harmony import */ var _core_target_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4294);
/* harmony import */ var _engine_execute_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2756);
/* harmony import */ var _mode_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1428);
/* harmony import */ var _scan_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5243);
/**
 * The digest mode: every removal due before now + `window` across the (flag or segment,
 * environment) pairs, soonest first, for the job summary, the `due` output and, with
 * `dashboard: true`, the dashboard issue and its boxes. It never sends a PATCH itself; a ticked
 * box does, through modes/dashboard-edit.ts.
 */






async function runDigest(input) {
    const { settings } = input;
    const now = Date.now();
    const endpoint = (0,_mode_js__WEBPACK_IMPORTED_MODULE_2__/* .endpointOf */ .X5)(settings.contextKind);
    const options = { ...(0,_mode_js__WEBPACK_IMPORTED_MODULE_2__/* .applyOptions */ .V1)(input, endpoint, now, _engine_execute_js__WEBPACK_IMPORTED_MODULE_1__/* .SCAN_CONCURRENCY */ .Ep), dryRun: true };
    const flags = await (0,_scan_js__WEBPACK_IMPORTED_MODULE_3__/* .scan */ .S)(input, () => [], options);
    const digest = (0,_report_due_soon_js__WEBPACK_IMPORTED_MODULE_0__/* .buildDigest */ .PW)({
        flags,
        untilMs: now + settings.windowMs,
        windowMs: settings.windowMs,
        kind: settings.contextKind ?? _core_target_js__WEBPACK_IMPORTED_MODULE_4__/* .USER_KIND */ .P1,
        baseUri: settings.baseUri,
        projectKey: settings.projectKey
    });
    const report = (0,_scan_js__WEBPACK_IMPORTED_MODULE_3__/* .scanReport */ .M)(input, flags, false);
    report.digest = digest;
    return {
        report,
        comment: undefined,
        ...(settings.dashboard
            ? {
                dashboard: {
                    due: [
                        (0,_report_due_soon_js__WEBPACK_IMPORTED_MODULE_0__/* .renderDigest */ .LN)(digest, settings.timeZone, 200),
                        (0,_report_boxes_js__WEBPACK_IMPORTED_MODULE_5__/* .renderBoxes */ .UW)(digest.due, (0,_report_due_soon_js__WEBPACK_IMPORTED_MODULE_0__/* .describeWindow */ .O2)(settings.extendByMs))
                    ]
                        .filter((part) => part !== '')
                        .join('\n\n')
                }
            }
            : {})
    };
}


/***/ }),

/***/ 5243:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ scanReport),
/* harmony export */   S: () => (/* binding */ scan)
/* harmony export */ });
/* harmony import */ var _engine_execute_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2756);
/* harmony import */ var _launchdarkly_container_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8255);
/* harmony import */ var _core_logger_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1227);
/* harmony import */ var _report_model_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6867);
/**
 * The scheduled modes' pass over an account: environment by environment, each in a log group,
 * every flag (listed once per environment with `flag-key: *`) read, planned and, for sweep, sent,
 * with a progress line every 100 flags.
 */




const PROGRESS_EVERY = 100;
/** Stands for every flag in the result of a listing that failed. */
const ALL = '*';
/** A scan's report: its rows (sweep), and the errors of the pairs that could not be read. */
function scanReport({ settings, context }, flags, dryRun) {
    return (0,_report_model_js__WEBPACK_IMPORTED_MODULE_3__/* .buildReport */ .F)({
        dryRun,
        timeZone: settings.timeZone,
        baseUri: settings.baseUri,
        projectKey: settings.projectKey,
        environmentKeys: settings.environmentKeys,
        // The flags and segments read, each once: a failed listing stands for none.
        flagKeys: keysRead(flags, 'flag'),
        segmentKeys: keysRead(flags, 'segment'),
        invalid: [],
        flags,
        runUrl: context.runUrl
    });
}
function keysRead(results, kind) {
    const keys = results.filter((r) => r.ref.kind === kind).map((r) => r.ref.key);
    return [...new Set(keys.filter((key) => key !== ALL))];
}
/**
 * Whether a listed segment carries its targets: a big segment says so, others list them.
 * LaunchDarkly does not document whether list items carry them; when one does not, the segment
 * is read on its own.
 */
function listsTargets(segment) {
    const { unbounded, included, excluded, includedContexts, excludedContexts } = segment;
    return Boolean(unbounded || included || excluded || includedContexts || excludedContexts);
}
async function scan({ settings, launchDarkly }, planner, options) {
    const { projectKey } = settings;
    const results = [];
    const started = Date.now();
    const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
    for (const environmentKey of settings.environmentKeys) {
        _core_logger_js__WEBPACK_IMPORTED_MODULE_2__.startGroup(`Environment ${environmentKey}`);
        try {
            const failed = (ref, error) => {
                results.push({ ref, entries: [], instructions: [], unmatchedErrors: [(0,_engine_execute_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)] });
            };
            // `*` reads the list: it holds each flag's targeting, and each segment's where it says.
            const flags = new Map();
            const segments = new Map();
            let flagKeys = settings.flagKeys;
            let segmentKeys = settings.segmentKeys;
            if (settings.allFlags) {
                flagKeys = [];
                try {
                    const listed = await launchDarkly.listFlags(projectKey, environmentKey, {
                        tag: settings.flagTag
                    });
                    for (const flag of listed)
                        flags.set(flag.key, flag);
                    flagKeys = [...flags.keys()];
                    const tagged = settings.flagTag ? ` tagged ${settings.flagTag}` : '';
                    _core_logger_js__WEBPACK_IMPORTED_MODULE_2__.info(`${flagKeys.length} flags${tagged} in ${environmentKey} (${seconds()})`);
                }
                catch (error) {
                    failed((0,_launchdarkly_container_js__WEBPACK_IMPORTED_MODULE_1__/* .flagRef */ .ug)(projectKey, ALL, environmentKey), error);
                }
            }
            if (settings.allSegments) {
                segmentKeys = [];
                try {
                    const listed = await launchDarkly.listSegments(projectKey, environmentKey);
                    for (const segment of listed)
                        segments.set(segment.key, segment);
                    segmentKeys = [...segments.keys()];
                    _core_logger_js__WEBPACK_IMPORTED_MODULE_2__.info(`${segmentKeys.length} segments in ${environmentKey} (${seconds()})`);
                }
                catch (error) {
                    failed((0,_launchdarkly_container_js__WEBPACK_IMPORTED_MODULE_1__/* .segmentRef */ .Jl)(projectKey, ALL, environmentKey), error);
                }
            }
            const read = async (ref) => {
                const flag = ref.kind === 'flag' ? flags.get(ref.key) : undefined;
                const segment = ref.kind === 'segment' ? segments.get(ref.key) : undefined;
                if (!flag && !(segment && listsTargets(segment)))
                    return (0,_engine_execute_js__WEBPACK_IMPORTED_MODULE_0__/* .readPair */ .$T)(launchDarkly, ref, options.endpoint);
                return {
                    flag,
                    segment,
                    items: await launchDarkly.getExpiringTargets(ref, options.endpoint)
                };
            };
            const refs = [
                ...flagKeys.map((key) => (0,_launchdarkly_container_js__WEBPACK_IMPORTED_MODULE_1__/* .flagRef */ .ug)(projectKey, key, environmentKey)),
                ...segmentKeys.map((key) => (0,_launchdarkly_container_js__WEBPACK_IMPORTED_MODULE_1__/* .segmentRef */ .Jl)(projectKey, key, environmentKey))
            ];
            const noun = segmentKeys.length === 0
                ? 'flags'
                : flagKeys.length === 0
                    ? 'segments'
                    : 'flags and segments';
            const progress = (done) => {
                if (done % PROGRESS_EVERY === 0 || done === refs.length)
                    _core_logger_js__WEBPACK_IMPORTED_MODULE_2__.info(`${environmentKey}: ${done} of ${refs.length} ${noun} done (${seconds()})`);
            };
            results.push(...(await (0,_engine_execute_js__WEBPACK_IMPORTED_MODULE_0__/* .applyAll */ .yl)(launchDarkly, refs, planner, { ...options, progress }, undefined, read)));
        }
        finally {
            _core_logger_js__WEBPACK_IMPORTED_MODULE_2__.endGroup();
        }
    }
    return results;
}


/***/ }),

/***/ 1163:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UW: () => (/* binding */ renderBoxes),
/* harmony export */   ab: () => (/* binding */ tickedBoxes)
/* harmony export */ });
/* unused harmony exports MAX_BOX_ROWS, boxMarker, parseBoxMarker, boxesIn */
/* harmony import */ var _container_key_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7983);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6412);


/** At most this many due removals get boxes: 2 each. */
const MAX_BOX_ROWS = 50;
const MARKER_PREFIX = '<!-- expiring-targets-box ';
const MARKER = /<!-- expiring-targets-box ([^<>\s]+) -->/;
/** A value in a marker: percent-encoded, `-` too, so it can never close the comment. */
function encode(value) {
    return encodeURIComponent(value).replace(/[-!'()*~.]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}
/** The hidden marker of a box: action, container kind and key, environment, target kind and key. */
function boxMarker(box) {
    const fields = [
        box.action,
        box.container.kind,
        box.container.key,
        box.environmentKey,
        box.target.kind,
        box.target.key
    ];
    return `${MARKER_PREFIX}${fields.map(encode).join('/')} -->`;
}
/** The marker's box, or undefined when it is not one of ours (or is malformed). */
function parseBoxMarker(marker) {
    const found = MARKER.exec(marker);
    if (!found?.[1])
        return undefined;
    const parts = found[1].split('/');
    if (parts.length !== 6)
        return undefined;
    let fields;
    try {
        fields = parts.map((part) => decodeURIComponent(part));
    }
    catch {
        return undefined;
    }
    const [action, kind, key, environmentKey, targetKind, targetKey] = fields;
    if (action !== 'extend' && action !== 'keep')
        return undefined;
    if (kind !== 'flag' && kind !== 'segment')
        return undefined;
    if (!key || !environmentKey || !targetKind || !targetKey)
        return undefined;
    return {
        action,
        container: { kind, key },
        environmentKey,
        target: { kind: targetKind, key: targetKey }
    };
}
/** The boxes of the due removals (the first MAX_BOX_ROWS), all unticked; '' when none is due. */
function renderBoxes(due, extendBy, maxRows = MAX_BOX_ROWS) {
    if (due.length === 0)
        return '';
    const lines = [];
    for (const item of due.slice(0, maxRows)) {
        const container = (0,_container_key_js__WEBPACK_IMPORTED_MODULE_0__/* .containerOf */ .t)(item);
        const where = `${container.kind} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(container.key, false)} in ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(item.environmentKey, false)}`;
        const who = `${item.target.kind} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(item.target.key, false)}`;
        const box = { container, environmentKey: item.environmentKey, target: item.target };
        lines.push(`- [ ] **extend** ${who} on ${where} by ${extendBy} ${boxMarker({ ...box, action: 'extend' })}`, `- [ ] **keep** ${who} on ${where}: cancel its removal ${boxMarker({ ...box, action: 'keep' })}`);
    }
    const more = due.length - Math.min(due.length, maxRows);
    const intro = 'Tick a box to act on that removal: **extend** moves it, **keep** cancels it (needs the permission in required-permission).';
    return [intro, lines.join('\n'), ...(more > 0 ? [`*${more} more without boxes.*`] : [])].join('\n\n');
}
/** Every box line of a body: ticked or not, and its box. */
function boxesIn(body) {
    const found = [];
    for (const line of (body ?? '').split(/\r\n|\n|\r/)) {
        const item = /^\s*[-*+] \[([ xX])\] .*?(<!-- expiring-targets-box [^<>\s]+ -->)\s*$/.exec(line);
        if (!item?.[1] || !item[2])
            continue;
        const box = parseBoxMarker(item[2]);
        if (box)
            found.push({ ticked: item[1] !== ' ', box, marker: item[2] });
    }
    return found;
}
/**
 * The boxes ticked by an edit: ticked in `body`, and present unticked in `from` (the text before
 * the edit, the action's own), so a box pasted in is ignored. Each marker once.
 */
function tickedBoxes(body, from) {
    const before = new Set(boxesIn(from)
        .filter((b) => !b.ticked)
        .map((b) => b.marker));
    const seen = new Set();
    const ticked = [];
    for (const { ticked: isTicked, box, marker } of boxesIn(body)) {
        if (!isTicked || !before.has(marker) || seen.has(marker))
            continue;
        seen.add(marker);
        ticked.push(box);
    }
    return ticked;
}


/***/ })

};

//# sourceMappingURL=77.index.js.map