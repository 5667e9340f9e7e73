export const id = 227;
export const ids = [227];
export const modules = {

/***/ 1227:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   endGroup: () => (/* binding */ endGroup),
/* harmony export */   error: () => (/* binding */ error),
/* harmony export */   fail: () => (/* binding */ fail),
/* harmony export */   info: () => (/* binding */ info),
/* harmony export */   notice: () => (/* binding */ notice),
/* harmony export */   startGroup: () => (/* binding */ startGroup),
/* harmony export */   warning: () => (/* binding */ warning)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(143);
/* harmony import */ var _neutralise_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8453);
/**
 * The log, through @actions/core, with every message made inert first: whatever part of a
 * message came from outside can never become a workflow command.
 */


/**
 * @actions/core escapes property values (`%`, CR, LF, `:` and `,`), so a property cannot end the
 * command; the text is neutralised anyway, as the runner acts on `##[` anywhere in a line. A line
 * that is not a positive whole number is left out rather than sent.
 */
function safe(properties) {
    const out = {};
    if (properties?.title !== undefined)
        out.title = (0,_neutralise_js__WEBPACK_IMPORTED_MODULE_1__/* .neutralise */ .$)(properties.title);
    if (properties?.file !== undefined && properties.file !== '') {
        out.file = (0,_neutralise_js__WEBPACK_IMPORTED_MODULE_1__/* .neutralise */ .$)(properties.file);
        const line = properties.startLine;
        if (line !== undefined && Number.isSafeInteger(line) && line > 0)
            out.startLine = line;
    }
    return out;
}
function info(message) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq((0,_neutralise_js__WEBPACK_IMPORTED_MODULE_1__/* .neutralise */ .$)(message));
}
function notice(message, properties) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm((0,_neutralise_js__WEBPACK_IMPORTED_MODULE_1__/* .neutralise */ .$)(message), safe(properties));
}
function warning(message, properties) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e((0,_neutralise_js__WEBPACK_IMPORTED_MODULE_1__/* .neutralise */ .$)(message), safe(properties));
}
function error(message, properties) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3((0,_neutralise_js__WEBPACK_IMPORTED_MODULE_1__/* .neutralise */ .$)(message), safe(properties));
}
function fail(message) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1((0,_neutralise_js__WEBPACK_IMPORTED_MODULE_1__/* .neutralise */ .$)(message));
}
/** A collapsible group in the log, until endGroup. */
function startGroup(name) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .startGroup */ .Oh((0,_neutralise_js__WEBPACK_IMPORTED_MODULE_1__/* .neutralise */ .$)(name));
}
function endGroup() {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .endGroup */ .N4();
}


/***/ })

};

//# sourceMappingURL=227.index.js.map