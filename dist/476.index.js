export const id = 476;
export const ids = [476];
export const modules = {

/***/ 476:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createResilientOctokit: () => (/* binding */ createResilientOctokit)
/* harmony export */ });
/* harmony import */ var _octokit_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(730);
/* harmony import */ var _octokit_plugin_paginate_rest__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(779);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(856);
/**
 * An Octokit with GitHub's retry and throttling plugins, for requests that failed once in a way
 * worth retrying: the plugins back off on 5xx and lost connections, and wait out primary and
 * secondary rate limits as GitHub asks (Retry-After, X-RateLimit-Reset).
 */




const ResilientOctokit = _octokit_core__WEBPACK_IMPORTED_MODULE_0__/* .Octokit */ .E.plugin(_octokit_plugin_paginate_rest__WEBPACK_IMPORTED_MODULE_1__/* .paginateRest */ .ud, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__/* .throttling */ .A);
function createResilientOctokit(settings, warn) {
    const onLimit = (kind) => (retryAfter, request, _octokit, retryCount) => {
        warn(`GitHub ${kind} on ${request.method} ${request.url}; retrying in ${retryAfter} s`);
        return retryCount < 2;
    };
    return new ResilientOctokit({
        ...settings,
        retry: { retries: 3 },
        throttle: {
            onRateLimit: onLimit('rate limit'),
            onSecondaryRateLimit: onLimit('secondary rate limit')
        }
    });
}


/***/ })

};

//# sourceMappingURL=476.index.js.map