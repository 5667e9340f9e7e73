export const id = 114;
export const ids = [114];
export const modules = {

/***/ 5114:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runDigest: () => (/* binding */ runDigest)
/* harmony export */ });
/* harmony import */ var _report_due_soon_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2250);
/* harmony import */ var _core_target_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4294);
/* harmony import */ var _engine_execute_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(249);
/* harmony import */ var _mode_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1428);
/* harmony import */ var _scan_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5243);
/**
 * The digest mode, read-only: every removal due before now + `window` across the (flag,
 * environment) pairs, soonest first, for the job summary, the `due` output and, with
 * `dashboard: true`, the dashboard issue. It never sends a PATCH.
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
            ? { dashboard: { due: (0,_report_due_soon_js__WEBPACK_IMPORTED_MODULE_0__/* .renderDigest */ .LN)(digest, settings.timeZone, 200) } }
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
/* harmony import */ var _engine_execute_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(249);
/* harmony import */ var _core_logger_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1227);
/* harmony import */ var _report_model_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6867);
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
    return (0,_report_model_js__WEBPACK_IMPORTED_MODULE_2__/* .buildReport */ .F)({
        dryRun,
        timeZone: settings.timeZone,
        baseUri: settings.baseUri,
        projectKey: settings.projectKey,
        environmentKeys: settings.environmentKeys,
        // The flags read, each once: a failed listing stands for none.
        flagKeys: [...new Set(flags.map((f) => f.ref.flagKey).filter((key) => key !== ALL))],
        invalid: [],
        flags,
        runUrl: context.runUrl
    });
}
async function scan({ settings, launchDarkly }, planner, options) {
    const { projectKey } = settings;
    const results = [];
    const started = Date.now();
    const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
    for (const environmentKey of settings.environmentKeys) {
        _core_logger_js__WEBPACK_IMPORTED_MODULE_1__.startGroup(`Environment ${environmentKey}`);
        try {
            let flagKeys = settings.flagKeys;
            let read;
            if (settings.allFlags) {
                let listed;
                try {
                    listed = await launchDarkly.listFlags(projectKey, environmentKey, {
                        tag: settings.flagTag
                    });
                }
                catch (error) {
                    const ref = { projectKey, flagKey: ALL, environmentKey };
                    results.push({
                        ref,
                        entries: [],
                        instructions: [],
                        unmatchedErrors: [(0,_engine_execute_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)]
                    });
                    continue;
                }
                const byKey = new Map(listed.map((flag) => [flag.key, flag]));
                flagKeys = [...byKey.keys()];
                // The list already holds each flag's targeting: only its expiring targets are read.
                read = async (ref) => ({
                    flag: byKey.get(ref.flagKey),
                    items: await launchDarkly.getExpiringTargets(ref, options.endpoint)
                });
                const tagged = settings.flagTag ? ` tagged ${settings.flagTag}` : '';
                _core_logger_js__WEBPACK_IMPORTED_MODULE_1__.info(`${flagKeys.length} flags${tagged} in ${environmentKey} (${seconds()})`);
            }
            const refs = flagKeys.map((flagKey) => ({ projectKey, flagKey, environmentKey }));
            const progress = (done) => {
                if (done % PROGRESS_EVERY === 0 || done === refs.length)
                    _core_logger_js__WEBPACK_IMPORTED_MODULE_1__.info(`${environmentKey}: ${done} of ${refs.length} flags done (${seconds()})`);
            };
            results.push(...(await (0,_engine_execute_js__WEBPACK_IMPORTED_MODULE_0__/* .applyAll */ .yl)(launchDarkly, refs, planner, { ...options, progress }, undefined, read)));
        }
        finally {
            _core_logger_js__WEBPACK_IMPORTED_MODULE_1__.endGroup();
        }
    }
    return results;
}


/***/ })

};

//# sourceMappingURL=114.index.js.map