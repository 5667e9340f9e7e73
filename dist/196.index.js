export const id = 196;
export const ids = [196];
export const modules = {

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

/***/ 2196:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runSweep: () => (/* binding */ runSweep)
/* harmony export */ });
/* harmony import */ var _engine_execute_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2756);
/* harmony import */ var _launchdarkly_flag_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4252);
/* harmony import */ var _launchdarkly_segment_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1413);
/* harmony import */ var _core_logger_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1227);
/* harmony import */ var _core_target_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4294);
/* harmony import */ var _mode_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1428);
/* harmony import */ var _scan_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5243);
/**
 * The sweep mode: every key individually targeted on a flag (users from `targets`, contexts of
 * `context-kind` from `contextTargets`), and every key included in a segment, that has no removal
 * scheduled gets one at now + `default-lifetime`, except the `exclude` keys. Scheduled keys are never touched; one PATCH per
 * (flag, environment) that needs one.
 */







async function runSweep(input) {
    const { settings } = input;
    const now = Date.now();
    const kind = settings.contextKind ?? _core_target_js__WEBPACK_IMPORTED_MODULE_5__/* .USER_KIND */ .P1;
    const removalMs = now + (settings.defaultLifetimeMs ?? 0);
    const excluded = new Set(settings.exclude);
    const counts = { targeted: 0, timed: 0, excluded: 0 };
    const planner = (state, ref) => {
        const { flag, segment, items } = state;
        // A segment's excluded keys are left alone: only its members are given a lifetime.
        const targeted = flag
            ? (0,_launchdarkly_flag_js__WEBPACK_IMPORTED_MODULE_1__/* .targetedKeys */ .$5)(flag, ref.environmentKey, kind).length
            : segment
                ? (0,_launchdarkly_segment_js__WEBPACK_IMPORTED_MODULE_6__/* .segmentKeys */ .Mm)(segment, 'included', kind).length
                : 0;
        const untimed = flag
            ? (0,_launchdarkly_flag_js__WEBPACK_IMPORTED_MODULE_1__/* .untimedKeys */ .Zs)({ flag, items }, ref.environmentKey, kind)
            : segment
                ? (0,_launchdarkly_segment_js__WEBPACK_IMPORTED_MODULE_6__/* .untimedMembers */ .aS)({ segment, items }, kind)
                : [];
        counts.targeted += targeted;
        counts.timed += targeted - untimed.length;
        const entries = [];
        for (const key of untimed) {
            if (excluded.has(key))
                counts.excluded++;
            else
                entries.push({
                    target: { kind, key },
                    when: { kind: 'at', epochMs: removalMs },
                    source: key,
                    origin: 'sweep'
                });
        }
        return entries;
    };
    const endpoint = (0,_mode_js__WEBPACK_IMPORTED_MODULE_3__/* .endpointOf */ .X5)(settings.contextKind);
    const flags = await (0,_scan_js__WEBPACK_IMPORTED_MODULE_4__/* .scan */ .S)(input, planner, (0,_mode_js__WEBPACK_IMPORTED_MODULE_3__/* .applyOptions */ .V1)(input, endpoint, now, _engine_execute_js__WEBPACK_IMPORTED_MODULE_0__/* .SCAN_CONCURRENCY */ .Ep));
    _core_logger_js__WEBPACK_IMPORTED_MODULE_2__.info(`${counts.targeted} individually targeted ${kind} keys: ${counts.timed} already had a removal, ${counts.excluded} excluded, ${counts.targeted - counts.timed - counts.excluded} to sweep.`);
    const report = (0,_scan_js__WEBPACK_IMPORTED_MODULE_4__/* .scanReport */ .M)(input, flags, settings.dryRun);
    report.swept = report.rows.filter((r) => r.outcome === 'scheduled').length;
    return { report, comment: undefined };
}


/***/ })

};

//# sourceMappingURL=196.index.js.map