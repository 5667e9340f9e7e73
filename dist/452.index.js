export const id = 452;
export const ids = [452];
export const modules = {

/***/ 7452:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runReconcile: () => (/* binding */ runReconcile)
/* harmony export */ });
/* harmony import */ var _engine_execute_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2756);
/* harmony import */ var _sources_grammar_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2851);
/* harmony import */ var _sources_labels_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9799);
/* harmony import */ var _core_logger_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1227);
/* harmony import */ var _report_drift_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8101);
/* harmony import */ var _report_model_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6867);
/* harmony import */ var _mode_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1428);
/**
 * The reconcile mode: every open PR's live expiry labels applied again, under the rules of label
 * events (`required-permission` for whoever added each label, the label added last per key).
 * What LaunchDarkly did not hold (a removal moved or cancelled by hand, a label event that never
 * ran) is drift: reported, and healed unless this is a dry run. A PR's comment is written only
 * when its state changed.
 */







/** Pull requests read at once: each costs GitHub a labels, an events and a permission request. */
const PULL_REQUESTS_AT_ONCE = 4;
async function runReconcile(input) {
    const { settings, github, launchDarkly } = input;
    const now = Date.now();
    // The targets file's aliases name the keys of labels here as in the label workflow.
    const file = await _mode_js__WEBPACK_IMPORTED_MODULE_6__/* .readRunTargetsFile */ .qN(input, now);
    const fileProblems = file?.results.flatMap((r) => (r.ok ? [] : [r.invalid])) ?? [];
    if (fileProblems.length > 0) {
        _core_logger_js__WEBPACK_IMPORTED_MODULE_3__.info('Nothing was read or sent: the targets file, whose aliases the labels use, is invalid.');
        return {
            report: (0,_report_model_js__WEBPACK_IMPORTED_MODULE_5__/* .buildReport */ .F)({ ...baseOf(input), invalid: fileProblems, flags: [] }),
            comment: undefined
        };
    }
    const grammar = {
        prefix: settings.labelPrefix,
        timeZone: settings.timeZone,
        now,
        kind: settings.contextKind,
        aliases: file?.aliases
    };
    const gate = _mode_js__WEBPACK_IMPORTED_MODULE_6__/* .gateOf */ .Rv(input);
    const open = await github.openPullRequests();
    const labeled = open.filter((pr) => pr.labels.some((l) => (0,_sources_grammar_js__WEBPACK_IMPORTED_MODULE_1__/* .relatesToPrefix */ .wJ)(l, grammar.prefix)));
    _core_logger_js__WEBPACK_IMPORTED_MODULE_3__.info(`${open.length} open pull request${open.length === 1 ? '' : 's'}, ${labeled.length} with expiry labels.`);
    const states = await inBatches(labeled, PULL_REQUESTS_AT_ONCE, async (pr) => {
        try {
            return {
                number: pr.number,
                ...(await (0,_sources_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .readPullRequestLabels */ .Oi)(pr.number, grammar, github, gate))
            };
        }
        catch (error) {
            // Without its labels' senders, none of this PR's labels may act: say so, go on.
            const reason = `${error.message} Its labels were left alone.`;
            const invalid = { source: `#${pr.number}`, origin: `pull request #${pr.number}`, reason };
            return {
                number: pr.number,
                results: [{ ok: false, invalid }],
                skipped: [],
                superseded: []
            };
        }
    });
    // Each label's origin names its PR; where an entry came from is kept for the drift.
    const sources = new Map();
    const onPr = (number, origin) => `${origin} on #${number}`;
    const results = [];
    const skipped = [];
    const superseded = [];
    for (const state of states) {
        for (const result of state.results) {
            if (result.ok) {
                const origin = onPr(state.number, result.entry.origin);
                sources.set(origin, { pullRequest: state.number, label: result.entry.source });
                results.push({ ok: true, entry: { ...result.entry, origin } });
            }
            else {
                const origin = result.invalid.origin.startsWith('pull request')
                    ? result.invalid.origin
                    : onPr(state.number, result.invalid.origin);
                results.push({ ok: false, invalid: { ...result.invalid, origin } });
            }
        }
        skipped.push(...state.skipped.map((s) => ({ ...s, origin: onPr(state.number, s.origin) })));
        superseded.push(...state.superseded.map((s) => ({ ...s, pullRequest: state.number })));
    }
    // Two PRs labelling the same key would fight: the later one is reported, not applied.
    const checked = (0,_sources_grammar_js__WEBPACK_IMPORTED_MODULE_1__/* .rejectRepeatedKeys */ .Ad)(results);
    const entries = checked.flatMap((r) => (r.ok ? [r.entry] : []));
    const invalid = checked.flatMap((r) => (r.ok ? [] : [r.invalid]));
    const endpoint = _mode_js__WEBPACK_IMPORTED_MODULE_6__/* .endpointOf */ .X5(settings.contextKind);
    const pairs = _mode_js__WEBPACK_IMPORTED_MODULE_6__/* .pairsOf */ .fq(settings.projectKey, settings);
    const flags = entries.length > 0
        ? await (0,_engine_execute_js__WEBPACK_IMPORTED_MODULE_0__/* .applyAll */ .yl)(launchDarkly, pairs, () => entries, _mode_js__WEBPACK_IMPORTED_MODULE_6__/* .applyOptions */ .V1(input, endpoint, now))
        : [];
    const drift = (0,_report_drift_js__WEBPACK_IMPORTED_MODULE_4__/* .driftOf */ .$)(flags, (origin) => sources.get(origin));
    const removed = await removeSuperseded(input, superseded, flags, onPr);
    const base = baseOf(input);
    const report = (0,_report_model_js__WEBPACK_IMPORTED_MODULE_5__/* .buildReport */ .F)({
        ...base,
        invalid,
        skipped,
        superseded: superseded.map((s) => ({ ...s, removed: removed.has(s) })),
        flags
    });
    report.drift = drift;
    // A PR whose labels LaunchDarkly did not hold gets a report for its comment; a dry run changed
    // nothing, so it leaves the comments as they are.
    const pullRequests = settings.comment && !settings.dryRun
        ? [...new Set(drift.map((d) => d.pullRequest))].map((number) => {
            const own = (entry) => sources.get(entry.origin)?.pullRequest === number;
            const mine = (origin) => origin.endsWith(` on #${number}`);
            const prReport = (0,_report_model_js__WEBPACK_IMPORTED_MODULE_5__/* .buildReport */ .F)({
                ...base,
                invalid: invalid.filter((i) => mine(i.origin)),
                skipped: skipped.filter((i) => mine(i.origin)),
                flags: flags.map((f) => onlyEntries(f, own))
            });
            return { pullRequest: number, report: prReport };
        })
        : [];
    return {
        report,
        comment: undefined,
        pullRequests,
        ...(settings.dashboard ? { dashboard: { drift: (0,_report_drift_js__WEBPACK_IMPORTED_MODULE_4__/* .renderDrift */ .i)(drift, settings.dryRun) } } : {})
    };
}
/**
 * As after a label event: an older label for a key comes off its PR once the newer one acted on
 * every flag, so that the PR shows one label per key. A dry run removes nothing.
 */
async function removeSuperseded({ settings, github }, superseded, flags, onPr) {
    const removed = new Set();
    if (settings.dryRun)
        return removed;
    for (const item of superseded) {
        const winner = onPr(item.pullRequest, (0,_sources_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .labelOrigin */ .zk)(item.by));
        const results = flags.flatMap((f) => f.entries).filter((e) => e.planned.entry.origin === winner);
        if (results.length === 0 || results.some((r) => r.outcome === 'failed'))
            continue;
        try {
            await github.removeLabel(item.pullRequest, item.label);
            removed.add(item);
        }
        catch (error) {
            _core_logger_js__WEBPACK_IMPORTED_MODULE_3__.warning(error.message);
        }
    }
    return removed;
}
/** What every report of a reconcile shows: its settings. */
function baseOf({ settings, context }) {
    return {
        dryRun: settings.dryRun,
        timeZone: settings.timeZone,
        baseUri: settings.baseUri,
        projectKey: settings.projectKey,
        environmentKeys: settings.environmentKeys,
        flagKeys: settings.flagKeys,
        segmentKeys: settings.segmentKeys,
        runUrl: context.runUrl
    };
}
/** A flag's result with only some entries, and the instructions they sent. */
function onlyEntries(flag, keep) {
    const entries = flag.entries.filter((e) => keep(e.planned.entry));
    const sent = new Set(entries.map((e) => e.planned.instruction));
    return {
        ...flag,
        entries,
        instructions: flag.instructions.filter((i) => sent.has(i.instruction)),
        unmatchedErrors: []
    };
}
/** `work` on every item, `size` at a time, in order. */
async function inBatches(items, size, work) {
    const results = [];
    for (let i = 0; i < items.length; i += size)
        results.push(...(await Promise.all(items.slice(i, i + size).map(work))));
    return results;
}


/***/ })

};

//# sourceMappingURL=452.index.js.map