export const id = 315;
export const ids = [315,227];
export const modules = {

/***/ 1483:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R$: () => (/* binding */ CONTEXT_KIND),
/* harmony export */   Z3: () => (/* binding */ KEY_RULE),
/* harmony export */   _: () => (/* binding */ KEY),
/* harmony export */   bZ: () => (/* binding */ RESERVED_KINDS)
/* harmony export */ });
/** What LaunchDarkly accepts as a project, environment or flag key, and as a context kind. */
const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const KEY_RULE = 'letters, digits, ".", "_" and "-", starting with a letter or digit';
/** A context kind: letters, digits, ".", "_" and "-"; `kind` and `multi` are reserved. */
const CONTEXT_KIND = /^[A-Za-z0-9._-]{1,256}$/;
const RESERVED_KINDS = ['kind', 'multi'];


/***/ }),

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


/***/ }),

/***/ 3323:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _O: () => (/* binding */ USER_AGENT),
/* harmony export */   ly: () => (/* binding */ TITLE)
/* harmony export */ });
/* unused harmony export VERSION */
/** Kept equal to package.json's version by a unit test. */
const VERSION = '0.1.0';
const USER_AGENT = `launchdarkly-expiring-targets-action/${VERSION}`;
const TITLE = 'LaunchDarkly expiring targets';


/***/ }),

/***/ 2756:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  iy: () => (/* binding */ CONCURRENCY),
  Ep: () => (/* binding */ SCAN_CONCURRENCY),
  yl: () => (/* binding */ applyAll),
  gJ: () => (/* binding */ errorMessage),
  pR: () => (/* binding */ prefetchPairs),
  $T: () => (/* binding */ readPair)
});

// UNUSED EXPORTS: applyPair

// EXTERNAL MODULE: ./src/launchdarkly/client.ts + 1 modules
var launchdarkly_client = __webpack_require__(3946);
// EXTERNAL MODULE: ./src/launchdarkly/container.ts
var container = __webpack_require__(8255);
// EXTERNAL MODULE: ./src/launchdarkly/retry.ts
var retry = __webpack_require__(1594);
// EXTERNAL MODULE: ./src/launchdarkly/flag.ts
var flag = __webpack_require__(4252);
// EXTERNAL MODULE: ./src/launchdarkly/segment.ts
var segment = __webpack_require__(1413);
;// CONCATENATED MODULE: ./src/launchdarkly/dialect.ts
const KINDS = {
    users: {
        add: 'addExpireUserTargetDate',
        update: 'updateExpireUserTargetDate',
        remove: 'removeExpireUserTargetDate'
    },
    contexts: {
        add: 'addExpiringTarget',
        update: 'updateExpiringTarget',
        remove: 'removeExpiringTarget'
    }
};
/** The instruction for a change to one target, in the endpoint's vocabulary. */
function instructionFor(endpoint, target, where, change) {
    const key = endpoint === 'users'
        ? { userKey: target.key }
        : { contextKey: target.key, contextKind: target.kind };
    return {
        kind: KINDS[endpoint][change.op],
        ...key,
        ...where,
        ...(change.op !== 'remove' && { value: change.value }),
        ...(change.op === 'update' && change.version !== undefined && { version: change.version })
    };
}

// EXTERNAL MODULE: ./src/core/when.ts
var when = __webpack_require__(8807);
// EXTERNAL MODULE: ./src/core/target.ts
var core_target = __webpack_require__(4294);
;// CONCATENATED MODULE: ./src/engine/plan.ts
/**
 * Entries + LaunchDarkly's current state of one container in one environment -> the
 * semantic-patch instructions to send, with what will happen to each entry. Pure.
 */



function planPair(entries, dialect, items, context) {
    const { endpoint } = context;
    if (dialect.unusable !== undefined) {
        const reason = dialect.unusable;
        return entries.map((entry) => ({ entry, outcome: 'failed', reason }));
    }
    const scheduled = new Map();
    for (const item of items) {
        const id = (0,core_target/* targetId */.Lx)(item.target);
        if (dialect.owns(item) && !scheduled.has(id))
            scheduled.set(id, item);
    }
    return entries.map((entry) => {
        const { target } = entry;
        const item = scheduled.get((0,core_target/* targetId */.Lx)(target));
        const currentMs = item?.expirationDate;
        const held = item && dialect.placeOfItem(item);
        const change = (place, what) => instructionFor(endpoint, target, place.where, what);
        if (entry.when.kind === 'never') {
            if (!item)
                return { entry, outcome: 'unchanged', reason: 'no removal was scheduled' };
            const place = held ? { ok: true, place: held } : dialect.placeOf(target, undefined);
            if (!place.ok)
                return { entry, outcome: 'failed', currentMs, reason: place.reason };
            return {
                entry,
                outcome: 'cancelled',
                variation: place.place,
                currentMs,
                instruction: change(place.place, { op: 'remove' })
            };
        }
        const removalMs = entry.when.epochMs;
        if (removalMs <= context.now) {
            // Done: its time has passed, so it is never added or moved again.
            return {
                entry,
                outcome: 'expired',
                variation: held,
                removalMs,
                currentMs,
                reason: item
                    ? `its time has passed; LaunchDarkly still holds a removal at ${(0,when/* formatUtc */.ay)(item.expirationDate)}`
                    : 'its time has passed, so it is done and left alone'
            };
        }
        const place = dialect.placeOf(target, entry.variation ?? context.variation);
        if (!place.ok)
            return { entry, outcome: 'failed', removalMs, currentMs, reason: place.reason };
        const common = { entry, variation: place.place, removalMs, currentMs };
        if (!item) {
            return {
                ...common,
                outcome: 'scheduled',
                instruction: change(place.place, { op: 'add', value: removalMs })
            };
        }
        if (sameMinute(item.expirationDate, removalMs) && (held ?? place.place).id === place.place.id) {
            return { ...common, outcome: 'unchanged', reason: 'already scheduled at that time' };
        }
        const version = dialect.versionFor(item, endpoint);
        return {
            ...common,
            outcome: 'moved',
            instruction: change(place.place, { op: 'update', value: removalMs, version })
        };
    });
}
/** Removal times are shown, and so compared, to the minute: a rerun of `+1w` moves nothing. */
function sameMinute(a, b) {
    return Math.floor(a / 60_000) === Math.floor(b / 60_000);
}

;// CONCATENATED MODULE: ./src/engine/execute.ts
/**
 * Reads each flag's state, plans, and sends one PATCH per (flag, environment). Writes are applied
 * exactly once: when a PATCH's fate is unknown (5xx, timeout, lost connection), the expiring
 * targets are read again and only what is still needed is sent.
 */






/** Flags worked on at once by apply: the account's rate limit is shared, so stay modest. */
const CONCURRENCY = 4;
/**
 * Pairs worked on at once by the scheduled modes, which read a whole account: enough to keep
 * LaunchDarkly's rate limit busy at 50 ms a request; the client's budget keeps them under it.
 */
const SCAN_CONCURRENCY = 12;
function settled(planned) {
    return planned.outcome === 'failed'
        ? { planned, outcome: 'failed', message: planned.reason }
        : { planned, outcome: planned.outcome };
}
/** Both reads of a container in one environment, in parallel. */
async function readPair(client, ref, endpoint) {
    if (ref.kind === 'segment') {
        const [segment, items] = await Promise.all([
            client.getSegment(ref),
            client.getExpiringTargets(ref, endpoint)
        ]);
        return { segment, items };
    }
    const [flag, items] = await Promise.all([
        client.getFlag(ref),
        client.getExpiringTargets(ref, endpoint)
    ]);
    return { flag, items };
}
/** The container of a state, as the planner asks it. */
function dialectOf(state, environmentKey) {
    if (state.flag)
        return (0,flag/* flagDialect */.fm)(state.flag, environmentKey);
    if (state.segment)
        return (0,segment/* segmentDialect */.K_)(state.segment, environmentKey);
    throw new Error('nothing was read');
}
/**
 * Starts reading the first flags before the entries are known (while GitHub is asked who sent a
 * label), so the two waits overlap. The promises are marked handled; applyAll awaits them.
 */
function prefetchPairs(client, pairs, options) {
    const started = new Map();
    for (const ref of pairs.slice(0, options.concurrency)) {
        const read = readPair(client, ref, options.endpoint);
        read.catch(() => { });
        started.set((0,container/* pairId */.a6)(ref), read);
    }
    return started;
}
/** Each (flag, environment) pair read, planned and sent: one PATCH per pair that needs one. */
async function applyAll(client, pairs, planner, options, prefetched = new Map(), read = (ref) => readPair(client, ref, options.endpoint)) {
    const results = new Array(pairs.length);
    let next = 0;
    let done = 0;
    const worker = async () => {
        while (next < pairs.length) {
            const index = next++;
            const ref = pairs[index];
            const state = prefetched.get((0,container/* pairId */.a6)(ref)) ?? read(ref);
            results[index] = await applyPair(client, ref, planner, options, state);
            options.progress?.(++done);
        }
    };
    const workers = Math.max(1, Math.min(options.concurrency, pairs.length));
    await Promise.all(Array.from({ length: workers }, worker));
    return results;
}
async function applyPair(client, ref, planner, options, state) {
    let read;
    let plan;
    try {
        read = await state;
        const dialect = dialectOf(read, ref.environmentKey);
        plan = planPair(planner(read, ref), dialect, read.items, planContext(ref, options));
    }
    catch (error) {
        const message = errorMessage(error);
        // Without the flag's state there is no plan: every entry wanted without one fails.
        const entries = planner({ items: [] }, ref);
        return {
            ref,
            entries: entries.map((entry) => ({
                planned: { entry, outcome: 'failed' },
                outcome: 'failed',
                message
            })),
            instructions: [],
            // A planner that needs the state (sweep, digest) wants nothing without it: say why.
            unmatchedErrors: entries.length === 0 ? [message] : []
        };
    }
    // A plan-only entry (the targets file on a pull request) is shown, never sent.
    const pending = plan.filter((p) => p.instruction && !p.entry.planOnly);
    const batches = [];
    for (let i = 0; i < pending.length; i += options.batchSize)
        batches.push(pending.slice(i, i + options.batchSize));
    const instructions = batches.flatMap((batch, b) => batch.map((p, instructionIndex) => ({
        container: ref,
        request: b + 1,
        instructionIndex,
        instruction: p.instruction
    })));
    const outcomes = new Map(plan.map((p) => [p, settled(p)]));
    const unmatchedErrors = [];
    if (!options.dryRun) {
        for (const [b, batch] of batches.entries()) {
            const sent = await sendBatch({ client, ref, state: read, batch, request: b + 1, options });
            for (const result of sent.results)
                outcomes.set(result.planned, result);
            unmatchedErrors.push(...sent.unmatchedErrors);
        }
    }
    return {
        ref,
        state: read,
        entries: plan.map((p) => outcomes.get(p)),
        instructions,
        unmatchedErrors
    };
}
/** Sends one PATCH, exactly once: a lost answer is checked by reading again, never replayed. */
async function sendBatch({ client, ref, state, batch, request, options }) {
    const results = [];
    const unmatchedErrors = [];
    // Each element pairs the entry as first planned (for the report) with its current instruction.
    let toSend = batch.map((original) => ({ original, current: original }));
    const fail = (items, message) => {
        for (const { original } of items)
            results.push({ planned: original, outcome: 'failed', message });
        return { results, unmatchedErrors };
    };
    for (let attempt = 1; toSend.length > 0; attempt++) {
        try {
            const response = await client.patchExpiringTargets(ref, options.endpoint, {
                comment: options.comment,
                instructions: toSend.map((s) => s.current.instruction)
            });
            for (const error of response.errors ?? []) {
                const target = toSend[error.instructionIndex];
                if (!target) {
                    unmatchedErrors.push(`LaunchDarkly reported an error for instruction ${error.instructionIndex}, but only ${toSend.length} were sent: ${error.message}`);
                    continue;
                }
                results.push({
                    planned: target.original,
                    outcome: 'failed',
                    message: error.message,
                    instructionIndex: error.instructionIndex,
                    request
                });
            }
            const reported = response.failedInstructions;
            const attributed = new Set((response.errors ?? []).map((e) => e.instructionIndex)).size;
            if (reported !== undefined && reported > attributed) {
                unmatchedErrors.push(`LaunchDarkly counted ${reported} failed instructions but explained ${attributed}`);
            }
            return { results, unmatchedErrors };
        }
        catch (error) {
            if (!(error instanceof launchdarkly_client/* UncertainWriteError */.ze))
                return fail(toSend, errorMessage(error));
            if (attempt >= options.maxWriteAttempts) {
                return fail(toSend, `LaunchDarkly did not confirm the update of ${(0,container/* describeContainer */.rc)(ref)} after ${attempt} attempts (${(0,retry/* describeFailure */.Ic)(error.failure)}); run again to check`);
            }
            options.warn(`LaunchDarkly's answer to the update of ${(0,container/* describeContainer */.rc)(ref)} was lost (${(0,retry/* describeFailure */.Ic)(error.failure)}); reading its expiring targets again before sending what is still needed`);
            await client.backoff(error.failure, attempt);
            let fresh;
            try {
                // A segment's version moved with the lost PATCH, if it applied: read the segment again.
                fresh =
                    ref.kind === 'segment'
                        ? await readPair(client, ref, options.endpoint)
                        : { ...state, items: await client.getExpiringTargets(ref, options.endpoint) };
            }
            catch (readError) {
                return fail(toSend, errorMessage(readError));
            }
            const replanned = planPair(toSend.map((s) => s.original.entry), dialectOf(fresh, ref.environmentKey), fresh.items, planContext(ref, options));
            const still = [];
            replanned.forEach((now, i) => {
                const item = toSend[i];
                if (now.outcome === 'unchanged')
                    return; // the lost PATCH applied it
                if (now.outcome === 'failed')
                    fail([item], now.reason ?? 'failed');
                else
                    still.push({ original: item.original, current: now });
            });
            toSend = still;
        }
    }
    return { results, unmatchedErrors };
}
function planContext(ref, options) {
    const { endpoint, variation, now } = options;
    return { environmentKey: ref.environmentKey, endpoint, variation, now };
}
function errorMessage(error) {
    if (error instanceof launchdarkly_client/* LaunchDarklyError */.Zk)
        return error.message;
    return error instanceof Error ? error.message : String(error);
}


/***/ }),

/***/ 2892:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jj: () => (/* binding */ PERMISSIONS),
/* harmony export */   NB: () => (/* binding */ allows),
/* harmony export */   yF: () => (/* binding */ permissionFrom)
/* harmony export */ });
/** GitHub's repository roles, and what its collaborator permission API answers. */
/** GitHub's repository roles, weakest first. */
const PERMISSIONS = ['none', 'read', 'triage', 'write', 'maintain', 'admin'];
/** GitHub's answer for a collaborator: `role_name` knows triage and maintain; `permission` not. */
function permissionFrom(answer) {
    const known = (value) => PERMISSIONS.includes(value ?? '');
    if (known(answer.role_name))
        return answer.role_name;
    // A custom organization role: its base permission is what `permission` says.
    return known(answer.permission) ? answer.permission : 'none';
}
function allows(actual, required) {
    return PERMISSIONS.indexOf(actual) >= PERMISSIONS.indexOf(required);
}


/***/ }),

/***/ 3946:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  av: () => (/* binding */ LaunchDarklyClient),
  Zk: () => (/* binding */ LaunchDarklyError),
  ze: () => (/* binding */ UncertainWriteError)
});

// UNUSED EXPORTS: API_VERSION, SEMANTIC_PATCH

// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __webpack_require__(4942);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 12 modules
var schemas = __webpack_require__(1137);
// EXTERNAL MODULE: ./src/core/target.ts
var target = __webpack_require__(4294);
;// CONCATENATED MODULE: ./src/launchdarkly/resources.ts
/**
 * zod schemas for the parts of LaunchDarkly's responses the action reads, after the published
 * OpenAPI description (launchdarkly/openapi-expiring-targets.json). Unknown fields pass through
 * unread; fields the spec marks optional stay optional here.
 */


/** `UnixMillis` is an int64; the spec's own example writes one as a string, so accept both. */
const unixMillis = schemas/* union */.KCZ([
    schemas/* number */.aig().int(),
    schemas/* string */.YjP()
        .regex(/^\d{1,16}$/)
        .transform(Number)
]);
const variationSchema = schemas/* object */.Ikc({
    _id: schemas/* string */.YjP().min(1),
    value: schemas/* unknown */.L5J(),
    name: schemas/* string */.YjP().optional()
});
const targetSchema = schemas/* object */.Ikc({
    values: schemas/* array */.YOg(schemas/* string */.YjP()),
    variation: schemas/* number */.aig().int().nonnegative(),
    contextKind: schemas/* string */.YjP().optional()
});
const flagSchema = schemas/* object */.Ikc({
    key: schemas/* string */.YjP(),
    name: schemas/* string */.YjP(),
    variations: schemas/* array */.YOg(variationSchema),
    environments: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* object */.Ikc({
        targets: schemas/* array */.YOg(targetSchema).optional(),
        contextTargets: schemas/* array */.YOg(targetSchema).optional()
    }))
        .optional()
});
const segmentTargetSchema = schemas/* object */.Ikc({ contextKind: schemas/* string */.YjP(), values: schemas/* array */.YOg(schemas/* string */.YjP()) });
/**
 * A segment in one environment (`UserSegment`, `GET /api/v2/segments/{p}/{env}/{key}`): its
 * `version` (no underscore), individual targets, and whether it is a big segment, which lists none.
 */
const segmentSchema = schemas/* object */.Ikc({
    key: schemas/* string */.YjP(),
    name: schemas/* string */.YjP(),
    version: schemas/* number */.aig().int(),
    included: schemas/* array */.YOg(schemas/* string */.YjP()).optional(),
    excluded: schemas/* array */.YOg(schemas/* string */.YjP()).optional(),
    includedContexts: schemas/* array */.YOg(segmentTargetSchema).optional(),
    excludedContexts: schemas/* array */.YOg(segmentTargetSchema).optional(),
    unbounded: schemas/* boolean */.zMY().optional()
});
/** A page of `GET /api/v2/segments/{projectKey}/{environmentKey}`. */
const segmentListSchema = schemas/* object */.Ikc({
    items: schemas/* array */.YOg(segmentSchema),
    totalCount: schemas/* number */.aig().int().nonnegative().optional()
});
/** A page of `GET /api/v2/flags/{projectKey}` with `summary=0`: full flags, `totalCount`. */
const flagListSchema = schemas/* object */.Ikc({
    items: schemas/* array */.YOg(flagSchema),
    totalCount: schemas/* number */.aig().int().nonnegative().optional()
});
const errorsSchema = schemas/* array */.YOg(schemas/* object */.Ikc({ instructionIndex: schemas/* number */.aig().int(), message: schemas/* string */.YjP() }));
const counters = {
    totalInstructions: schemas/* number */.aig().int().nonnegative().optional(),
    successfulInstructions: schemas/* number */.aig().int().nonnegative().optional(),
    failedInstructions: schemas/* number */.aig().int().nonnegative().optional(),
    errors: errorsSchema.optional()
};
/** What the items of both endpoints have: their id and version, the time, and where. */
const itemFields = {
    _id: schemas/* string */.YjP(),
    _version: schemas/* number */.aig().int(),
    expirationDate: unixMillis,
    variationId: schemas/* string */.YjP().optional(),
    targetType: schemas/* string */.YjP().optional()
};
/** The user endpoint's item (`ExpiringUserTargetItem`), read as a target of kind user. */
const userItemSchema = schemas/* object */.Ikc({ ...itemFields, userKey: schemas/* string */.YjP() })
    .transform(({ userKey, ...item }) => ({ ...item, target: { kind: target/* USER_KIND */.P1, key: userKey } }));
/** The contexts endpoint's item (`ExpiringTarget`). */
const contextItemSchema = schemas/* object */.Ikc({ ...itemFields, contextKind: schemas/* string */.YjP(), contextKey: schemas/* string */.YjP() })
    .transform(({ contextKind, contextKey, ...item }) => ({
    ...item,
    target: { kind: contextKind, key: contextKey }
}));
const expiringGetSchemas = {
    users: schemas/* object */.Ikc({ items: schemas/* array */.YOg(userItemSchema) }),
    contexts: schemas/* object */.Ikc({ items: schemas/* array */.YOg(contextItemSchema) })
};
const expiringPatchSchemas = {
    users: schemas/* object */.Ikc({ items: schemas/* array */.YOg(userItemSchema), ...counters }),
    contexts: schemas/* object */.Ikc({ items: schemas/* array */.YOg(contextItemSchema), ...counters })
};
const errorBodySchema = schemas/* object */.Ikc({
    code: schemas/* string */.YjP(),
    message: schemas/* string */.YjP(),
    id: schemas/* string */.YjP().optional()
});

// EXTERNAL MODULE: ./src/launchdarkly/container.ts
var container = __webpack_require__(8255);
// EXTERNAL MODULE: ./src/launchdarkly/retry.ts
var retry = __webpack_require__(1594);
// EXTERNAL MODULE: ./src/core/when.ts
var when = __webpack_require__(8807);
;// CONCATENATED MODULE: ./src/launchdarkly/client.ts





const API_VERSION = '20240415';
/** The flag list's largest page. */
const FLAG_PAGE = 100;
/** The segment list's largest page, as LaunchDarkly's migration guide gives it. */
const SEGMENT_PAGE = 50;
const SEMANTIC_PATCH = 'application/json; domain-model=launchdarkly.semanticpatch';
/** A failure that will not get better by retrying, worded for the person reading the log. */
class LaunchDarklyError extends Error {
    status;
    constructor(message, status) {
        super(message);
        this.status = status;
        this.name = 'LaunchDarklyError';
    }
}
/** A PATCH whose fate is unknown (5xx, timeout, broken connection): it may have been applied. */
class UncertainWriteError extends Error {
    failure;
    constructor(failure) {
        super(`LaunchDarkly's answer to a PATCH was lost (${(0,retry/* describeFailure */.Ic)(failure)})`);
        this.failure = failure;
        this.name = 'UncertainWriteError';
    }
}
/** The request was cut off because the client was closed: the run is over, nothing to retry. */
class ClosedError extends Error {
    constructor() {
        super('the LaunchDarkly client was closed');
        this.name = 'ClosedError';
    }
}
const sleeper = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
class LaunchDarklyClient {
    options;
    http;
    base;
    closed = false;
    /** What the last answers said is left of the rate limit until its reset. */
    budget;
    /** Requests sent so far, for matching a rate-limit count to the requests sent after it. */
    sent = 0;
    constructor(options) {
        this.options = options;
        this.base = new URL(options.baseUri);
        this.http = new lib/* HttpClient */.Qq(options.userAgent, [], {
            keepAlive: true,
            maxSockets: options.maxSockets ?? 8,
            socketTimeout: options.policy.timeoutMs,
            allowRetries: false,
            allowRedirects: true
        });
    }
    /** Ends the connections; requests still under way then fail quietly with ClosedError. */
    close() {
        this.closed = true;
        this.http.dispose();
    }
    async getFlag(ref) {
        return this.getResource(ref, flagSchema);
    }
    async getSegment(ref) {
        return this.getResource(ref, segmentSchema);
    }
    /** A flag or a segment in its environment. */
    getResource(ref, schema) {
        const operation = `read ${(0,container/* describeContainer */.rc)(ref)}`;
        return this.call({ method: 'GET', path: (0,container/* resourcePath */.oU)(ref), schema, operation, ref });
    }
    /** Every flag of a project with its targeting in one environment (`summary=0`), 100 a page. */
    async listFlags(projectKey, environmentKey, options = {}) {
        const query = new URLSearchParams({ env: environmentKey, summary: '0' });
        if (options.tag)
            query.set('filter', `tags:${options.tag}`);
        return this.listAll({
            ref: { kind: 'flag', projectKey, key: '*', environmentKey },
            path: `/api/v2/flags/${encodeURIComponent(projectKey)}`,
            query,
            pageSize: FLAG_PAGE,
            schema: flagListSchema,
            onPage: options.onPage
        });
    }
    /** Every segment of a project in one environment, with its targets, 50 a page. */
    async listSegments(projectKey, environmentKey) {
        const [project, environment] = [projectKey, environmentKey].map(encodeURIComponent);
        return this.listAll({
            ref: { kind: 'segment', projectKey, key: '*', environmentKey },
            path: `/api/v2/segments/${project}/${environment}`,
            query: new URLSearchParams(),
            pageSize: SEGMENT_PAGE,
            schema: segmentListSchema
        });
    }
    /**
     * A paginated list, page after page by offset (every parameter kept) until a short page or
     * `totalCount`. An item listed again (the list shifted while it was read) is kept once. A list
     * that does not move on stops with one sentence: a full page with nothing not already listed,
     * or more full pages than `totalCount` allows.
     */
    async listAll(list) {
        const { ref, query, pageSize } = list;
        const found = new Map();
        const plural = `${ref.kind}s`;
        const name = `LaunchDarkly's list of the ${plural} of project "${ref.projectKey}"`;
        const check = `check that nothing between the runner and ${this.options.baseUri} (a proxy or a cache) changes LaunchDarkly's answers`;
        query.set('limit', String(pageSize));
        for (let pages = 1, offset = 0;; pages++, offset += pageSize) {
            query.set('offset', String(offset));
            const page = await this.call({
                method: 'GET',
                path: `${list.path}?${query.toString()}`,
                schema: list.schema,
                operation: `list the ${plural} of project "${ref.projectKey}"`,
                ref
            });
            const fresh = page.items.filter((item) => !found.has(item.key));
            for (const item of fresh)
                found.set(item.key, item);
            list.onPage?.(found.size);
            const total = page.totalCount;
            if (page.items.length < pageSize || (total !== undefined && found.size >= total)) {
                return [...found.values()];
            }
            if (fresh.length === 0) {
                throw new LaunchDarklyError(`${name} answered offset ${offset} with only ${plural} it had already listed, so it was read no further; ${check}.`);
            }
            if (total !== undefined && pages >= Math.ceil(total / pageSize)) {
                throw new LaunchDarklyError(`${name} had ${found.size} ${plural} after ${pages} full pages and no end, though its totalCount says ${total}, so it was read no further; ${check}.`);
            }
        }
    }
    async getExpiringTargets(ref, endpoint) {
        const response = await this.call({
            method: 'GET',
            path: (0,container/* expiringPath */.Y)(ref, endpoint),
            schema: expiringGetSchemas[endpoint],
            operation: `read the expiring targets of ${(0,container/* describeContainer */.rc)(ref)}`,
            ref
        });
        return response.items;
    }
    /** Throws UncertainWriteError when the PATCH may or may not have been applied. */
    async patchExpiringTargets(ref, endpoint, body) {
        return this.call({
            method: 'PATCH',
            path: (0,container/* expiringPath */.Y)(ref, endpoint),
            body,
            schema: expiringPatchSchemas[endpoint],
            operation: `update the expiring targets of ${(0,container/* describeContainer */.rc)(ref)}`,
            ref
        });
    }
    /** Backs off as the retry policy says before checking a write whose answer was lost. */
    async backoff(_failure, attempt) {
        const delay = (0,retry/* backoffDelay */.EY)(attempt, this.options.policy, this.options.random ?? Math.random);
        await (this.options.sleep ?? sleeper)(delay);
    }
    async call(call) {
        const { policy } = this.options;
        const now = this.options.now ?? Date.now;
        const sleep = this.options.sleep ?? sleeper;
        let waited = 0;
        for (let attempt = 1;; attempt++) {
            await this.withinBudget(now, sleep);
            if (this.closed)
                throw new ClosedError();
            const failure = await this.attempt(call);
            if (!('kind' in failure))
                return failure.value;
            if (this.closed)
                throw new ClosedError();
            // A 429 applied nothing; anything else may have applied a write.
            if (call.method === 'PATCH' && failure.kind !== 'rate-limited') {
                throw new UncertainWriteError(failure);
            }
            const next = (0,retry/* decide */.LD)(failure, attempt, waited, policy, now(), this.options.random ?? Math.random);
            if (!next.retry && next.reason === 'asked') {
                throw new LaunchDarklyError(`LaunchDarkly asked to wait until ${retryTime(next.untilMs)} (rate limit) to ${call.operation}, longer than max-retry-wait allows; run again after that.`, 429);
            }
            if (!next.retry) {
                throw new LaunchDarklyError(giveUp(call, failure, attempt, waited, this.options.baseUri));
            }
            this.options.log?.(`LaunchDarkly answered ${(0,retry/* describeFailure */.Ic)(failure)} to ${call.operation}; attempt ${attempt + 1} of ${policy.maxAttempts} in ${(next.delayMs / 1000).toFixed(1)} s`);
            await sleep(next.delayMs);
            waited += next.delayMs;
        }
    }
    /** One request: the parsed value, or the failure to retry. Throws when retrying cannot help. */
    async attempt(call) {
        let response;
        const sequence = this.sent++;
        try {
            response = await this.exchange(call);
        }
        catch (error) {
            if (/^Request timeout/.test(error.message))
                return { kind: 'timeout' };
            const code = error.code ?? error.message;
            return { kind: 'network', code };
        }
        this.noteBudget(response.headers, sequence);
        const { status } = response;
        if (status === 429) {
            return {
                kind: 'rate-limited',
                retryAfter: header(response.headers, 'retry-after'),
                reset: header(response.headers, 'x-ratelimit-reset')
            };
        }
        if (status >= 500)
            return { kind: 'server', status };
        if (status < 200 || status >= 300) {
            throw new LaunchDarklyError(rejection(call, response, this.options.baseUri), status);
        }
        let json;
        try {
            json = JSON.parse(response.text);
        }
        catch {
            return { kind: 'bad-body', detail: 'not JSON' };
        }
        const parsed = call.schema.safeParse(json);
        if (!parsed.success) {
            const issue = parsed.error.issues[0];
            const where = issue?.path.length ? issue.path.join('.') : 'body';
            return { kind: 'bad-body', detail: `${where}: ${issue?.message ?? 'invalid'}` };
        }
        return { value: parsed.data };
    }
    /**
     * Slow down before the limit: once LaunchDarkly has said how many requests are left until the
     * reset (`X-Ratelimit-Global-Remaining`, `X-Ratelimit-Route-Remaining`, `X-Ratelimit-Reset`),
     * requests beyond that wait for the reset instead of drawing a 429.
     */
    async withinBudget(now, sleep) {
        for (;;) {
            const budget = this.budget;
            if (!budget || now() >= budget.reset) {
                this.budget = undefined;
                return;
            }
            if (budget.remaining > 0) {
                budget.remaining--;
                return;
            }
            await sleep(Math.min(budget.reset - now(), this.options.policy.maxRateLimitWaitMs));
        }
    }
    noteBudget(headers, sequence) {
        const left = ['x-ratelimit-global-remaining', 'x-ratelimit-route-remaining']
            .map((name) => header(headers, name))
            .filter((value) => value !== undefined && /^\d+$/.test(value.trim()))
            .map(Number);
        const reset = Number(header(headers, 'x-ratelimit-reset'));
        if (left.length === 0 || !Number.isFinite(reset))
            return;
        const now = (this.options.now ?? Date.now)();
        const clampedReset = Math.min(reset, now + this.options.policy.maxRateLimitWaitMs);
        // The count was taken when this request arrived: the ones sent after it may not be in it.
        const remaining = Math.max(0, Math.min(...left) - (this.sent - sequence - 1));
        // Answers to concurrent requests arrive out of order: within a window, the lowest count wins.
        if (this.budget && this.budget.reset === clampedReset) {
            this.budget.remaining = Math.min(this.budget.remaining, remaining);
        }
        else if (!this.budget || clampedReset > this.budget.reset) {
            this.budget = { remaining, reset: clampedReset };
        }
    }
    async exchange(call) {
        const url = new URL(this.base.pathname.replace(/\/$/, '') + call.path, this.base);
        const headers = {
            Authorization: this.options.apiKey,
            Accept: 'application/json',
            'LD-API-Version': API_VERSION
        };
        if (call.body)
            headers['Content-Type'] = SEMANTIC_PATCH;
        const body = call.body === undefined ? null : JSON.stringify(call.body);
        const response = await this.http.request(call.method, url.href, body, headers);
        return {
            status: response.message.statusCode ?? 0,
            headers: response.message.headers,
            text: await readBody(response.message, this.options.policy.timeoutMs)
        };
    }
}
/** One sentence for a 4xx (or an unexpected 1xx/3xx): what failed, and what to check. */
function rejection(call, response, baseUri) {
    const { status } = response;
    const { projectKey, kind, key, environmentKey } = call.ref;
    let said = `HTTP ${status}`;
    let message = '';
    try {
        const body = errorBodySchema.parse(JSON.parse(response.text));
        message = body.message;
        said = `${status} ${body.code}: ${body.message.slice(0, 300)}${body.id ? `; request id ${body.id}` : ''}`;
    }
    catch {
        // Not LaunchDarkly's error shape (a proxy, say): the status alone.
    }
    // A flag write answers 405 where approvals are required, a segment write 403 "approval is
    // required" (seen by LaunchDarkly's Terraform maintainers); whether expiring targets are gated
    // too is not documented, so both are read as approval required.
    if (call.method === 'PATCH' &&
        (status === 405 || (status === 403 && /approval/i.test(message)))) {
        return `${(0,container/* describeContainer */.rc)(call.ref)} in environment "${environmentKey}" needs approval for changes, so LaunchDarkly refused the scheduled removals (${said}); request the change in LaunchDarkly, where it goes through the environment's approvals.`;
    }
    const failed = `LaunchDarkly refused to ${call.operation} (${said}).`;
    switch (status) {
        case 401:
            return `${failed} Check that the api-key secret holds a current personal or service access token for ${baseUri}.`;
        case 403:
            return call.method === 'GET'
                ? `${failed} Check that the token's role can view project "${projectKey}".`
                : `${failed} Check that the token's role allows updateExpiringTargets on proj/${projectKey}:env/${environmentKey}:${kind}/${key}, and that the plan includes scheduled removals.`;
        case 404:
            return `${failed} Check project-key "${projectKey}", ${kind}-key "${key}" and environment-key "${environmentKey}", and that base-uri (${baseUri}) is the account's region.`;
        default:
            if (status >= 300 && status < 400) {
                return `${failed} It answered with a redirect that could not be followed; check that base-uri (${baseUri}) is the LaunchDarkly API host.`;
            }
            return failed;
    }
}
function giveUp(call, failure, attempts, waitedMs, baseUri) {
    const tries = `after ${attempts} attempt${attempts === 1 ? '' : 's'} and ${(waitedMs / 1000).toFixed(1)} s of waiting`;
    switch (failure.kind) {
        case 'rate-limited':
            return `LaunchDarkly kept rate-limiting requests (429) to ${call.operation} ${tries}. The limit is shared by every token on the account: run again later, or spread the flags over several runs.`;
        case 'server':
            return `LaunchDarkly answered HTTP ${failure.status} to ${call.operation} ${tries}; it may have an incident. Run again later.`;
        case 'network':
            return `Could not reach LaunchDarkly at ${baseUri} to ${call.operation} (${failure.code}) ${tries}. Check base-uri and the runner's network or proxy.`;
        case 'timeout':
            return `LaunchDarkly did not answer in time to ${call.operation} ${tries}. Run again later, or raise request-timeout.`;
        case 'bad-body':
            return `LaunchDarkly's answer to ${call.operation} did not match its published API (${failure.detail}) ${tries}. Check that base-uri (${baseUri}) is the LaunchDarkly API.`;
    }
}
/** When to run again: the time a wait ends, rounded up to the minute, in UTC. */
function retryTime(untilMs) {
    return (0,when/* formatUtc */.ay)(Math.ceil(untilMs / 60_000) * 60_000);
}
function header(headers, name) {
    const value = headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
}
const MAX_BODY_BYTES = 16 * 1024 * 1024;
/**
 * An answer's body, whole, within `timeoutMs`. @actions/http-client's readBody() never settles
 * when the connection drops mid-body, and its socket timeout only notices a silent socket.
 */
function readBody(message, timeoutMs) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        const timer = setTimeout(() => message.destroy(new Error('Request timeout: the answer did not arrive in time')), timeoutMs);
        const fail = (error) => {
            clearTimeout(timer);
            reject(error);
        };
        message.on('data', (chunk) => {
            size += chunk.length;
            if (size > MAX_BODY_BYTES)
                message.destroy(new Error('the answer is larger than 16 MiB'));
            else
                chunks.push(chunk);
        });
        message.on('error', fail);
        message.on('close', () => {
            if (!message.complete)
                fail(Object.assign(new Error('the connection closed mid-answer'), { code: 'ECONNRESET' }));
        });
        message.on('end', () => {
            clearTimeout(timer);
            resolve(Buffer.concat(chunks).toString('utf8'));
        });
    });
}


/***/ }),

/***/ 8255:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jl: () => (/* binding */ segmentRef),
/* harmony export */   Y: () => (/* binding */ expiringPath),
/* harmony export */   a6: () => (/* binding */ pairId),
/* harmony export */   oU: () => (/* binding */ resourcePath),
/* harmony export */   rc: () => (/* binding */ describeContainer),
/* harmony export */   ug: () => (/* binding */ flagRef)
/* harmony export */ });
const enc = encodeURIComponent;
/**
 * Each kind's paths. Mind the order: a segment's resource names the environment before the
 * segment, its expiring routes the segment before the environment.
 */
const PATHS = {
    flag: {
        base: (r) => `/api/v2/flags/${enc(r.projectKey)}/${enc(r.key)}`,
        resource: (r) => `/api/v2/flags/${enc(r.projectKey)}/${enc(r.key)}?env=${enc(r.environmentKey)}`
    },
    segment: {
        base: (r) => `/api/v2/segments/${enc(r.projectKey)}/${enc(r.key)}`,
        resource: (r) => `/api/v2/segments/${enc(r.projectKey)}/${enc(r.environmentKey)}/${enc(r.key)}`
    }
};
const EXPIRING_ROUTE = {
    users: 'expiring-user-targets',
    contexts: 'expiring-targets'
};
/** The container in its environment, as LaunchDarkly serves it. */
function resourcePath(ref) {
    return PATHS[ref.kind].resource(ref);
}
/** The container's expiring targets in its environment, on one of the two endpoints. */
function expiringPath(ref, endpoint) {
    return `${PATHS[ref.kind].base(ref)}/${EXPIRING_ROUTE[endpoint]}/${enc(ref.environmentKey)}`;
}
/** `flag "checkout"`, `segment "beta-testers"`: for messages. */
function describeContainer(ref) {
    return `${ref.kind} "${ref.key}"`;
}
/** A map key for a (container, environment) pair. */
function pairId(ref) {
    return `${ref.kind}\n${ref.key}\n${ref.environmentKey}`;
}
/** A flag in an environment. */
function flagRef(projectKey, key, environmentKey) {
    return { kind: 'flag', projectKey, key, environmentKey };
}
/** A segment in an environment. */
function segmentRef(projectKey, key, environmentKey) {
    return { kind: 'segment', projectKey, key, environmentKey };
}


/***/ }),

/***/ 4252:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $5: () => (/* binding */ targetedKeys),
/* harmony export */   Zs: () => (/* binding */ untimedKeys),
/* harmony export */   fm: () => (/* binding */ flagDialect),
/* harmony export */   ue: () => (/* binding */ variationLabel)
/* harmony export */ });
/* unused harmony exports resolveVariation, targetedVariationIndexes, byId, inferVariation */
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_target_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4294);
/**
 * A flag as a container of individual targets: which keys it targets on which variation, the
 * `variation` input matched against its variations, and the semantic-patch instructions of its
 * two expiring-targets endpoints (each names the variation by `variationId`). Pure.
 */


function variationLabel(variation) {
    if (variation.name)
        return variation.name;
    const json = JSON.stringify(variation.value) ?? 'null';
    return json.length > 40 ? `${json.slice(0, 39)}…` : json;
}
function ref(variation) {
    return place(variation._id, variationLabel(variation));
}
function place(id, label) {
    return { id, label, where: { variationId: id } };
}
function describeVariations(flag) {
    return flag.variations
        .map((v) => (v.name ? `${v.name} (${JSON.stringify(v.value)})` : JSON.stringify(v.value)))
        .join(', ');
}
/** The `variation` input, matched by `_id`, then by name, then by value written as JSON. */
function resolveVariation(input, flag) {
    const byId = flag.variations.find((v) => v._id === input);
    if (byId)
        return { ok: true, variation: ref(byId) };
    const byName = flag.variations.filter((v) => v.name === input);
    if (byName.length === 1)
        return { ok: true, variation: ref(byName[0]) };
    if (byName.length > 1) {
        return {
            ok: false,
            reason: `flag "${flag.key}" has ${byName.length} variations named "${input}"; give its _id`
        };
    }
    let value;
    try {
        value = JSON.parse(input);
    }
    catch {
        value = undefined;
    }
    if (value !== undefined) {
        const byValue = flag.variations.filter((v) => (0,node_util__WEBPACK_IMPORTED_MODULE_0__.isDeepStrictEqual)(v.value, value));
        if (byValue.length === 1)
            return { ok: true, variation: ref(byValue[0]) };
    }
    return {
        ok: false,
        reason: `variation "${input}" matches no variation of flag "${flag.key}" by _id, name or JSON value; it has ${describeVariations(flag)}`
    };
}
/**
 * The individual targets of one kind in an environment: users in `targets` (and, defensively,
 * user entries of `contextTargets`), other kinds in `contextTargets`. `contextTargets` also holds
 * empty user placeholders, which list no key and so never match.
 */
function targetLists(flag, environmentKey, kind) {
    const config = flag.environments?.[environmentKey];
    const contexts = (config?.contextTargets ?? []).filter((t) => (t.contextKind ?? _core_target_js__WEBPACK_IMPORTED_MODULE_1__/* .USER_KIND */ .P1) === kind);
    return kind === _core_target_js__WEBPACK_IMPORTED_MODULE_1__/* .USER_KIND */ .P1 ? [...(config?.targets ?? []), ...contexts] : contexts;
}
/** Indexes of the variations on which the target is individually targeted. */
function targetedVariationIndexes(flag, environmentKey, target) {
    const lists = targetLists(flag, environmentKey, target.kind);
    const indexes = lists.filter((t) => t.values.includes(target.key)).map((t) => t.variation);
    return [...new Set(indexes)];
}
/** Every key of one kind individually targeted in an environment, each once, in flag order. */
function targetedKeys(flag, environmentKey, kind) {
    return [...new Set(targetLists(flag, environmentKey, kind).flatMap((t) => t.values))];
}
/** The targeted keys of one kind that have no removal scheduled: what a sweep would time. */
function untimedKeys(state, environmentKey, kind) {
    const timed = new Set(state.items.filter((i) => i.targetType === undefined).map((i) => (0,_core_target_js__WEBPACK_IMPORTED_MODULE_1__/* .targetId */ .Lx)(i.target)));
    return targetedKeys(state.flag, environmentKey, kind).filter((key) => !timed.has((0,_core_target_js__WEBPACK_IMPORTED_MODULE_1__/* .targetId */ .Lx)({ kind, key })));
}
function byId(flag, id) {
    const variation = flag.variations.find((v) => v._id === id);
    return variation ? ref(variation) : place(id, id);
}
function inferVariation(flag, environmentKey, target) {
    const indexes = targetedVariationIndexes(flag, environmentKey, target);
    const found = indexes.map((i) => flag.variations[i]).filter((v) => !!v);
    if (found.length === 1)
        return { ok: true, variation: ref(found[0]) };
    if (found.length === 0) {
        return {
            ok: false,
            reason: `${(0,_core_target_js__WEBPACK_IMPORTED_MODULE_1__/* .describeTarget */ .ff)(target)} is not individually targeted on flag "${flag.key}" in "${environmentKey}"; target it first, or set the variation input (variation: in the targets file)`
        };
    }
    return {
        ok: false,
        reason: `${(0,_core_target_js__WEBPACK_IMPORTED_MODULE_1__/* .describeTarget */ .ff)(target)} is individually targeted on several variations of flag "${flag.key}" (${found.map(variationLabel).join(', ')}); set the variation input (variation: in the targets file)`
    };
}
/** The flag as the planner sees it in one environment. */
function flagDialect(flag, environmentKey) {
    const resolved = new Map();
    const explicit = (input) => {
        let found = resolved.get(input);
        if (!found)
            resolved.set(input, (found = asPlace(resolveVariation(input, flag))));
        return found;
    };
    return {
        unusable: flag.environments?.[environmentKey]
            ? undefined
            : `flag "${flag.key}" has no environment "${environmentKey}"; check environment-key`,
        // The flag's own removals: a segment's would carry a targetType.
        owns: (item) => item.targetType === undefined,
        placeOfItem: (item) => (item.variationId ? byId(flag, item.variationId) : undefined),
        placeOf: (target, input) => input === undefined ? asPlace(inferVariation(flag, environmentKey, target)) : explicit(input),
        versionFor: (item) => item._version
    };
}
function asPlace(result) {
    return result.ok ? { ok: true, place: result.variation } : result;
}


/***/ }),

/***/ 1594:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EY: () => (/* binding */ backoffDelay),
/* harmony export */   Ic: () => (/* binding */ describeFailure),
/* harmony export */   LD: () => (/* binding */ decide),
/* harmony export */   zj: () => (/* binding */ DEFAULT_POLICY)
/* harmony export */ });
/* unused harmony export rateLimitWait */
/**
 * When to try a LaunchDarkly request again, and how long to wait first. Pure: the clock and the
 * randomness are passed in.
 *
 * - 429: a wait LaunchDarkly asks for (`Retry-After`, seconds or an HTTP date, else
 *   `X-Ratelimit-Reset`, epoch ms) is taken at its word: waited out in full when it fits in what
 *   is left of `maxTotalWaitMs` (max-retry-wait), else not waited at all, and the request is not
 *   sent early: the caller says when to run again. Without either header, back off exponentially.
 * - 5xx, connection errors, timeouts: exponential backoff with "equal jitter".
 * - Every wait gets jitter, so runs that share the account's limit do not retry in lockstep.
 */
const DEFAULT_POLICY = {
    maxAttempts: 5,
    maxTotalWaitMs: 120_000,
    timeoutMs: 30_000,
    baseDelayMs: 500,
    maxDelayMs: 10_000,
    maxRateLimitWaitMs: 60_000
};
/**
 * After attempt `attempt` (from 1) failed with `failure`, `waitedMs` having been spent waiting
 * so far: wait and retry, or stop.
 */
function decide(failure, attempt, waitedMs, policy, now, random) {
    const room = policy.maxTotalWaitMs - waitedMs;
    const told = failure.kind === 'rate-limited' ? rateLimitWait(failure, now) : undefined;
    if (told !== undefined && told > room)
        return { retry: false, reason: 'asked', untilMs: now + told };
    if (attempt >= policy.maxAttempts)
        return { retry: false, reason: 'exhausted' };
    if (told !== undefined) {
        const jitter = random() * Math.min(told * 0.25 + 100, 2_000);
        return { retry: true, delayMs: Math.min(told + jitter, room) };
    }
    const delay = backoffDelay(attempt, policy, random);
    return delay > room ? { retry: false, reason: 'exhausted' } : { retry: true, delayMs: delay };
}
/** Exponential backoff with equal jitter, capped at maxDelayMs. `attempt` counts from 1. */
function backoffDelay(attempt, policy, random) {
    const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    return exponential / 2 + (random() * exponential) / 2;
}
/**
 * The wait LaunchDarkly asked for, in milliseconds (0 for a time already past); undefined when it
 * said nothing usable.
 */
function rateLimitWait(headers, now) {
    const retryAfter = headers.retryAfter?.trim();
    if (retryAfter) {
        if (/^\d+$/.test(retryAfter))
            return Number(retryAfter) * 1000;
        const date = Date.parse(retryAfter);
        if (!Number.isNaN(date))
            return Math.max(0, date - now);
    }
    const reset = headers.reset?.trim();
    if (reset && /^\d+$/.test(reset))
        return Math.max(0, Number(reset) - now);
    return undefined;
}
function describeFailure(failure) {
    switch (failure.kind) {
        case 'rate-limited':
            return '429 rate limited';
        case 'server':
            return `HTTP ${failure.status}`;
        case 'network':
            return `connection error ${failure.code}`;
        case 'timeout':
            return 'no answer before the timeout';
        case 'bad-body':
            return `an answer that does not match the API (${failure.detail})`;
    }
}


/***/ }),

/***/ 1413:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K_: () => (/* binding */ segmentDialect),
/* harmony export */   Mm: () => (/* binding */ segmentKeys),
/* harmony export */   aS: () => (/* binding */ untimedMembers)
/* harmony export */ });
/* harmony import */ var _core_target_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4294);
/**
 * A segment as a container of individual targets: a key is in its included or its excluded list
 * (users in `included`/`excluded` and the user entries of `includedContexts`/`excludedContexts`,
 * other kinds in the `*Contexts` lists), which the instructions name as `targetType`. A big segment
 * lists no one, so nothing can be planned on it. Pure.
 */

const TARGET_TYPES = ['included', 'excluded'];
function place(targetType) {
    return { id: targetType, label: targetType, where: { targetType } };
}
/** The keys of one kind on one of the segment's lists. */
function segmentKeys(segment, targetType, kind) {
    const users = targetType === 'included' ? segment.included : segment.excluded;
    const contexts = targetType === 'included' ? segment.includedContexts : segment.excludedContexts;
    const ofKind = (contexts ?? []).filter((c) => c.contextKind === kind).flatMap((c) => c.values);
    return [...new Set(kind === _core_target_js__WEBPACK_IMPORTED_MODULE_0__/* .USER_KIND */ .P1 ? [...(users ?? []), ...ofKind] : ofKind)];
}
/** The included keys of one kind that have no removal scheduled: what a sweep would time. */
function untimedMembers(state, kind) {
    const timed = new Set(state.items.filter((i) => i.target.kind === kind).map((i) => i.target.key));
    return segmentKeys(state.segment, 'included', kind).filter((key) => !timed.has(key));
}
/** The segment as the planner sees it in one environment. */
function segmentDialect(segment, environmentKey) {
    const name = `segment "${segment.key}"`;
    return {
        unusable: segment.unbounded
            ? `${name} is a big segment: LaunchDarkly does not list its members, so its removals cannot be scheduled from here; schedule them in LaunchDarkly`
            : undefined,
        owns: () => true,
        placeOfItem: (item) => item.targetType === 'included' || item.targetType === 'excluded'
            ? place(item.targetType)
            : undefined,
        placeOf: (target) => {
            const found = TARGET_TYPES.filter((t) => segmentKeys(segment, t, target.kind).includes(target.key));
            if (found[0] !== undefined)
                return { ok: true, place: place(found[0]) };
            return {
                ok: false,
                reason: `${(0,_core_target_js__WEBPACK_IMPORTED_MODULE_0__/* .describeTarget */ .ff)(target)} is neither included in nor excluded from ${name} in "${environmentKey}"; add it to the segment first`
            };
        },
        // The user endpoint checks the segment's own version; the contexts endpoint the item's.
        versionFor: (item, endpoint) => (endpoint === 'users' ? segment.version : item._version)
    };
}


/***/ }),

/***/ 5315:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __webpack_require__(8532);
;// CONCATENATED MODULE: ./src/core/zod.ts
/**
 * zod's configuration for this action, imported once by main.ts before anything parses: every
 * schema parses a handful of values once, so zod's compiled fast paths (built with `new Function`
 * on first parse) cost more than they save.
 */

(0,core/* config */.$W)({ jitless: true });

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js
var github = __webpack_require__(1351);
// EXTERNAL MODULE: ./src/run/event.ts
var run_event = __webpack_require__(9117);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 12 modules
var schemas = __webpack_require__(1137);
;// CONCATENATED MODULE: ./src/run/issue-comment.ts
/**
 * The parts of an issue_comment payload a slash command uses, validated with zod: the comment,
 * who wrote it, and the issue or pull request it is on.
 */

const issueCommentPayload = schemas/* object */.Ikc({
    action: schemas/* string */.YjP(),
    issue: schemas/* object */.Ikc({
        number: schemas/* number */.aig().int().positive(),
        html_url: schemas/* string */.YjP().optional(),
        labels: schemas/* array */.YOg(schemas/* object */.Ikc({ name: schemas/* string */.YjP() })).default([]),
        /** Present when the issue is a pull request. */
        pull_request: schemas/* object */.Ikc({ html_url: schemas/* string */.YjP().optional() }).passthrough().nullish()
    }),
    comment: schemas/* object */.Ikc({
        id: schemas/* number */.aig().int().positive(),
        body: schemas/* string */.YjP().nullish(),
        user: schemas/* object */.Ikc({ login: schemas/* string */.YjP().min(1), type: schemas/* string */.YjP() })
    })
});
/**
 * The comment of an issue_comment event; undefined for other events. Throws one sentence on a
 * payload without a usable comment.
 */
function issueCommentOf(event) {
    if (event.name !== 'issue_comment')
        return undefined;
    const parsed = issueCommentPayload.safeParse(event.payload);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`The issue_comment event payload has no usable comment (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'})`);
    }
    const { issue, comment } = parsed.data;
    const pull = issue.pull_request ?? undefined;
    return {
        issueNumber: issue.number,
        onPullRequest: pull !== undefined,
        url: pull?.html_url ?? issue.html_url,
        labels: issue.labels.map((l) => l.name),
        commentId: comment.id,
        body: comment.body ?? '',
        author: comment.user.login
    };
}

// EXTERNAL MODULE: ./src/run/trigger.ts
var run_trigger = __webpack_require__(89);
;// CONCATENATED MODULE: ./src/run/pull-request.ts
/**
 * The parts of a pull_request(_target) payload the action uses, validated with zod.
 */


const pullRequestPayload = schemas/* object */.Ikc({
    action: schemas/* string */.YjP().optional(),
    label: schemas/* object */.Ikc({ name: schemas/* string */.YjP() }).optional(),
    pull_request: schemas/* object */.Ikc({
        number: schemas/* number */.aig().int().positive(),
        html_url: schemas/* string */.YjP().optional(),
        labels: schemas/* array */.YOg(schemas/* object */.Ikc({ name: schemas/* string */.YjP() })).default([]),
        head: schemas/* object */.Ikc({ repo: schemas/* object */.Ikc({ full_name: schemas/* string */.YjP() }).nullable().optional() }).optional(),
        base: schemas/* object */.Ikc({ repo: schemas/* object */.Ikc({ full_name: schemas/* string */.YjP() }) }).optional()
    }),
    sender: schemas/* object */.Ikc({ login: schemas/* string */.YjP() }).optional()
});
/** The pull request of a pull_request(_target) event; undefined for other events. */
function pullRequestOf(event) {
    if (!run_trigger/* PULL_REQUEST_EVENTS */.m_.has(event.name))
        return undefined;
    const parsed = pullRequestPayload.safeParse(event.payload);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`The ${event.name} event payload has no usable pull_request (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'})`);
    }
    const pr = parsed.data.pull_request;
    const head = pr.head?.repo?.full_name;
    const base = pr.base?.repo.full_name;
    return {
        number: pr.number,
        url: pr.html_url,
        labels: pr.labels.map((l) => l.name),
        fromFork: head !== undefined && base !== undefined && head !== base,
        sender: parsed.data.sender?.login
    };
}

;// CONCATENATED MODULE: ./src/run/context.ts
/**
 * The run's context, read once: the repository, the run and the API URL from @actions/github's
 * context, GITHUB_STEP_SUMMARY and GITHUB_WORKSPACE, and the event (read by event.ts, which
 * index.ts calls before anything heavy loads; index.ts also reads GITHUB_OUTPUT on its fast exit).
 */





/** Tests shorten the retry plugin's backoff with this variable; users have no need to. */
const GITHUB_RETRY_BASE_VARIABLE = 'EXPIRING_TARGETS_GITHUB_RETRY_BASE_MS';
function readContext(event = (0,run_event/* readRawEvent */.z)()) {
    const repository = repositoryOf();
    const retryBase = Number(process.env[GITHUB_RETRY_BASE_VARIABLE]);
    // A comment that is not a command must not fail the run: the command's run reads it again.
    let issueComment;
    try {
        issueComment = issueCommentOf(event);
    }
    catch {
        issueComment = undefined;
    }
    return {
        event,
        pullRequest: pullRequestOf(event) ?? commentedPullRequest(issueComment),
        issueComment,
        repository,
        repositoryName: repository ? `${repository.owner}/${repository.repo}` : 'this repository',
        runUrl: runUrlOf(github/* context */._.serverUrl, repository, String(github/* context */._.runId)),
        apiUrl: github/* context */._.apiUrl,
        githubRetryBaseMs: Number.isFinite(retryBase) && retryBase > 0 ? retryBase : undefined,
        hasSummary: Boolean(process.env.GITHUB_STEP_SUMMARY),
        workspace: process.env.GITHUB_WORKSPACE || process.cwd()
    };
}
/** What the event asks of the action, with the label prefix and the slash command in force. */
function triggerOf(context, prefix, command) {
    return (0,run_trigger/* classify */.L8)(context.event.name, context.event.payload, prefix, command);
}
/** The pull request a comment is on; its author is who sends what the comment asks. */
function commentedPullRequest(comment) {
    if (!comment?.onPullRequest)
        return undefined;
    return {
        number: comment.issueNumber,
        url: comment.url,
        labels: comment.labels,
        fromFork: false,
        sender: comment.author
    };
}
function repositoryOf() {
    try {
        const { owner, repo } = github/* context */._.repo;
        return owner && repo ? { owner, repo } : undefined;
    }
    catch {
        return undefined; // neither GITHUB_REPOSITORY nor a repository in the payload
    }
}
function runUrlOf(server, repository, id) {
    if (!repository || !/^https?:\/\/[^\s()]+$/.test(server) || !/^\d+$/.test(id))
        return undefined;
    const name = `${repository.owner}/${repository.repo}`;
    if (!/^[\w.-]+\/[\w.-]+$/.test(name))
        return undefined;
    return `${server}/${name}/actions/runs/${id}`;
}

// EXTERNAL MODULE: ./src/github/permission.ts
var permission = __webpack_require__(2892);
;// CONCATENATED MODULE: ./src/github/session.ts

class GitHubSession {
    options;
    loaded;
    constructor(options) {
        this.options = options;
    }
    get token() {
        return this.options.token;
    }
    get warn() {
        return this.options.warn;
    }
    load() {
        this.loaded ??= (async () => {
            const [client, comment] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(56), __webpack_require__.e(702)]).then(__webpack_require__.bind(__webpack_require__, 6702)), __webpack_require__.e(/* import() */ 318).then(__webpack_require__.bind(__webpack_require__, 7318))]);
            const octokit = client.createOctokit({
                token: this.token,
                baseUrl: this.options.apiUrl,
                warn: this.warn,
                ...this.options.limits,
                retryBaseMs: this.options.retryBaseMs
            });
            return { octokit, client, comment };
        })();
        return this.loaded;
    }
    repository() {
        if (!this.options.repository)
            throw new Error('GITHUB_REPOSITORY is not set to owner/repo');
        return this.options.repository;
    }
    /** The PR's labels now, read live. Throws one sentence when GitHub cannot say. */
    async labels(pullRequestNumber) {
        const { octokit, client } = await this.load();
        try {
            return await client.listLabels(octokit, this.repository(), pullRequestNumber);
        }
        catch (error) {
            throw new Error(couldNot(client, `read the labels of pull request #${pullRequestNumber}`, error, {
                denied: '; the token needs pull-requests: read'
            }), { cause: error });
        }
    }
    /** A user's permission on the repository. Throws one sentence when GitHub cannot say. */
    async permissionOf(login) {
        const { octokit, client } = await this.load();
        try {
            return (0,permission/* permissionFrom */.yF)(await client.permissionOf(octokit, this.repository(), login));
        }
        catch (error) {
            const later = client.retryLater(error);
            throw new Error(later
                ? `GitHub asked to wait until ${later.until} (${later.limit}); run again after that`
                : `GitHub answered ${client.describeGitHubError(error)}`, { cause: error });
        }
    }
    /** When and by whom each of the PR's labels was added. Throws one sentence on failure. */
    async labelings(pullRequestNumber) {
        const { octokit, client } = await this.load();
        try {
            return await client.labelings(octokit, this.repository(), pullRequestNumber);
        }
        catch (error) {
            throw new Error(couldNot(client, `read the events of pull request #${pullRequestNumber} to see who added its labels`, error, { denied: '; the token needs issues: read' }), { cause: error });
        }
    }
    /** Every open pull request with its labels. Throws one sentence on failure. */
    async openPullRequests() {
        const { octokit, client } = await this.load();
        try {
            return await client.openPullRequests(octokit, this.repository());
        }
        catch (error) {
            throw new Error(couldNot(client, 'list the open pull requests', error, {
                denied: '; the token needs pull-requests: read'
            }), { cause: error });
        }
    }
    /** The number of the open dashboard issue of this key, if any. Throws one sentence on failure. */
    async dashboardNumber(key) {
        const { octokit, client, comment } = await this.load();
        const dashboard = await __webpack_require__.e(/* import() */ 299).then(__webpack_require__.bind(__webpack_require__, 299));
        try {
            const author = await comment.authorOf(octokit, this.token);
            const existing = await dashboard.findDashboard(octokit, {
                where: this.repository(),
                marker: dashboard.dashboardMarker(key),
                author
            });
            return existing?.number;
        }
        catch (error) {
            throw new Error(couldNot(client, 'read the dashboard issue', error, {
                denied: '; the token needs issues: read'
            }), { cause: error });
        }
    }
    /**
     * Rewrites this run's sections of the dashboard issue (found by its key), keeping the others.
     * An issue that cannot be written is a warning: the report is in the job summary.
     */
    async writeDashboard(key, sections, footer) {
        const { octokit, client, comment } = await this.load();
        const dashboard = await __webpack_require__.e(/* import() */ 299).then(__webpack_require__.bind(__webpack_require__, 299));
        try {
            const author = await comment.authorOf(octokit, this.token);
            const marker = dashboard.dashboardMarker(key);
            const existing = await dashboard.findDashboard(octokit, {
                where: this.repository(),
                marker,
                author
            });
            const content = dashboard.dashboardContent(sections, existing?.body);
            return await dashboard.writeDashboard(octokit, this.repository(), existing, marker, content, footer);
        }
        catch (error) {
            this.warn(couldNot(client, 'write the dashboard issue', error, {
                denied: '; the token needs issues: write',
                reportInSummary: true
            }));
            return undefined;
        }
    }
    /** Takes a label off the PR. Throws one sentence on failure. */
    async removeLabel(pullRequestNumber, name) {
        const { octokit, client } = await this.load();
        try {
            await client.removeLabel(octokit, this.repository(), pullRequestNumber, name);
        }
        catch (error) {
            throw new Error(couldNot(client, `remove the label ${JSON.stringify(name)} from pull request #${pullRequestNumber}`, error, { denied: '; the token needs pull-requests: write' }), { cause: error });
        }
    }
    /** A comment's body now; undefined when it was deleted. Throws one sentence on failure. */
    async commentBody(commentId) {
        const { octokit, client } = await this.load();
        try {
            return await client.commentBody(octokit, this.repository(), commentId);
        }
        catch (error) {
            throw new Error(couldNot(client, `read comment ${commentId}`, error, {
                denied: '; the token needs issues: read or pull-requests: read'
            }), { cause: error });
        }
    }
    /**
     * Puts a reaction on a comment (a slash command's): a reaction that cannot be put is a
     * warning, never a failure. Never rejects.
     */
    async react(commentId, content) {
        if (!this.token)
            return;
        try {
            const { octokit, client } = await this.load();
            try {
                await client.reactToComment(octokit, this.repository(), commentId, content);
            }
            catch (error) {
                this.warn(couldNot(client, `react with ${content} to comment ${commentId}`, error, {
                    denied: '; the token needs issues: write and pull-requests: write'
                }));
            }
        }
        catch (error) {
            this.warn(`Could not react with ${content} to comment ${commentId} (${error.message}).`);
        }
    }
    /**
     * Starts looking for a PR's report comment, so that the search overlaps other work; the
     * returned handle is what `writeComment` takes. Never rejects.
     */
    findComment(target) {
        const lookup = (async () => {
            if (!this.token)
                return { ok: false, error: new Error('no github-token') };
            try {
                const { octokit, comment } = await this.load();
                const author = await comment.authorOf(octokit, this.token);
                const existing = await comment.findComment(octokit, this.repository(), target.pullRequest, comment.markerFor(target.key), author);
                return { ok: true, existing };
            }
            catch (error) {
                return { ok: false, error };
            }
        })();
        return { target, lookup };
    }
    /**
     * Creates or updates the PR's report comment. A comment that cannot be written is a warning,
     * never a failure: the LaunchDarkly work is done and the job summary has the report.
     */
    async writeComment(pending, body) {
        if (!this.token) {
            this.warn('No github-token, so no PR comment; the report is in the job summary.');
            return undefined;
        }
        const lookup = await pending.lookup;
        const { octokit, client, comment } = await this.load();
        try {
            if (!lookup.ok)
                throw lookup.error;
            const marker = comment.markerFor(pending.target.key);
            const room = comment.MAX_COMMENT_LENGTH - marker.length - body.footer.length - 100;
            return await comment.writeComment(octokit, this.repository(), pending.target.pullRequest, lookup.existing, comment.composeBody(marker, body.render(room), body.footer));
        }
        catch (error) {
            this.warn(couldNot(client, 'write the PR comment', error, {
                denied: '. The token cannot write here: give the job pull-requests: write (on fork pull requests, pull_request tokens are read-only; see the README).',
                reportInSummary: true
            }));
            return undefined;
        }
    }
}
/**
 * What could not be done on GitHub, and why. A rate limit GitHub asked to wait out and the
 * request could not (longer than max-retry-wait, or no attempt left): one sentence with the time
 * to run again. Else what GitHub answered, then
 * `denied` (the permission to give the token) when GitHub says the token may not.
 */
function couldNot(client, what, error, hints) {
    const later = client.retryLater(error);
    if (later) {
        const report = hints.reportInSummary ? '; the report is in the job summary' : '';
        return `Could not ${what}: GitHub asked to wait until ${later.until} (${later.limit}); run again after that${report}.`;
    }
    const denied = client.isPermissionDenied(error) ? hints.denied : '';
    const sentence = `Could not ${what} (${client.describeGitHubError(error)})${denied}`;
    const end = sentence.endsWith('.') ? '' : '.';
    return `${sentence}${end}${hints.reportInSummary ? ' The report is in the job summary.' : ''}`;
}

// EXTERNAL MODULE: ./src/launchdarkly/client.ts + 1 modules
var client = __webpack_require__(3946);
// EXTERNAL MODULE: ./src/launchdarkly/retry.ts
var retry = __webpack_require__(1594);
// EXTERNAL MODULE: ./src/core/logger.ts
var logger = __webpack_require__(1227);
// EXTERNAL MODULE: ./src/engine/execute.ts + 2 modules
var execute = __webpack_require__(2756);
// EXTERNAL MODULE: ./src/core/version.ts
var version = __webpack_require__(3323);
;// CONCATENATED MODULE: ./src/run/clients.ts






/** action.yml's defaults, for a run whose inputs could not be read (it still reports). */
const DEFAULT_LIMITS = {
    requestTimeoutMs: retry/* DEFAULT_POLICY */.zj.timeoutMs,
    maxAttempts: retry/* DEFAULT_POLICY */.zj.maxAttempts,
    maxRetryWaitMs: retry/* DEFAULT_POLICY */.zj.maxTotalWaitMs
};
/**
 * GitHub's requests keep the same bounds as LaunchDarkly's: pass the settings as `limits`
 * (request-timeout, max-attempts, max-retry-wait).
 */
function gitHubSession(token, context, limits = DEFAULT_LIMITS) {
    return new GitHubSession({
        token,
        apiUrl: context.apiUrl,
        repository: context.repository,
        warn: (message) => logger.warning(message),
        limits: {
            requestTimeoutMs: limits.requestTimeoutMs,
            maxAttempts: limits.maxAttempts,
            maxRetryWaitMs: limits.maxRetryWaitMs
        },
        retryBaseMs: context.githubRetryBaseMs
    });
}
function launchDarklyClient(settings) {
    return new client/* LaunchDarklyClient */.av({
        baseUri: settings.baseUri,
        apiKey: settings.apiKey,
        userAgent: version/* USER_AGENT */._O,
        policy: {
            ...retry/* DEFAULT_POLICY */.zj,
            maxAttempts: settings.maxAttempts,
            maxTotalWaitMs: settings.maxRetryWaitMs,
            timeoutMs: settings.requestTimeoutMs,
            // Slowing down for a spent rate limit is a wait too: no longer than max-retry-wait.
            maxRateLimitWaitMs: Math.min(retry/* DEFAULT_POLICY */.zj.maxRateLimitWaitMs, settings.maxRetryWaitMs)
        },
        maxSockets: 2 * execute/* SCAN_CONCURRENCY */.Ep,
        log: (message) => logger.info(message)
    });
}

// EXTERNAL MODULE: ./src/launchdarkly/container.ts
var container = __webpack_require__(8255);
;// CONCATENATED MODULE: ./src/core/entry.ts
/** Which (flag, environment) pairs an entry applies to: every flag in every environment listed. */
/** Whether a scope names any flag or segment: entries in one that does not apply to nothing. */
function namesContainers(scope) {
    return scope.flagKeys.length + (scope.segmentKeys?.length ?? 0) > 0;
}

// EXTERNAL MODULE: ./src/report/model.ts
var model = __webpack_require__(6867);
// EXTERNAL MODULE: ./src/sources/grammar.ts
var sources_grammar = __webpack_require__(2851);
// EXTERNAL MODULE: ./src/sources/gate.ts
var sources_gate = __webpack_require__(9071);
// EXTERNAL MODULE: ./src/sources/labels.ts
var sources_labels = __webpack_require__(9799);
;// CONCATENATED MODULE: ./src/sources/label-event.ts
/**
 * The source of a `labeled` or `unlabeled` event: the event's label, gated on who added or
 * removed it, decided against the PR's other labels for the same key (labels.ts).
 */



function labelEventSource(input) {
    const { label, action, pullRequest, grammar, reader, gate } = input;
    const result = (0,sources_labels/* parseEventLabel */["if"])(label, action, grammar);
    const sender = pullRequest?.sender;
    const alone = async () => {
        const verb = action === 'unlabeled' ? 'removed' : 'added';
        const results = await (0,sources_gate/* applyGate */.e)([{ result, actor: sender, verb }], gate);
        return { results, independent: [], skipped: [] };
    };
    return {
        parsed: result.ok,
        read: async () => {
            if (!pullRequest)
                return alone();
            let labels;
            try {
                labels = await (0,sources_labels/* readLabelEvent */.D8)({ label, action, sender, result }, pullRequest.number, grammar, reader, gate);
            }
            catch (error) {
                // Without the PR's labels, the event's own label still acts, as it says.
                logger.warning(`${error.message} Acting on this label alone.`);
                return alone();
            }
            const { results, skipped, superseded, labelsNow } = labels;
            const added = action === 'labeled' ? label : undefined;
            return { results, independent: [], skipped, labels: { superseded, added, labelsNow } };
        }
    };
}

;// CONCATENATED MODULE: ./src/sources/pull-request-labels.ts


function pullRequestLabelsSource(input) {
    const { pullRequest, targets, grammar, reader, gate } = input;
    return {
        parsed: false,
        read: async () => {
            const labels = await (0,sources_labels/* readPullRequestLabels */.Oi)(pullRequest, grammar, reader, gate);
            const checked = (0,sources_grammar/* rejectRepeatedKeys */.Ad)([...targets, ...labels.results]);
            const { superseded, labelsNow } = labels;
            return {
                results: checked.slice(0, targets.length),
                independent: checked.slice(targets.length),
                skipped: labels.skipped,
                labels: { superseded, added: undefined, labelsNow }
            };
        }
    };
}

;// CONCATENATED MODULE: ./src/sources/slash-command.ts



/** More entries than this in one comment are refused, all of them. */
const MAX_COMMAND_ENTRIES = 50;
/** Where a command's entries come from: `/expire by @octocat`. */
function commandOrigin(command, author) {
    return `${command} by @${author}`;
}
function slashCommandSource(input) {
    const { command, args, author, grammar, runScope, gate } = input;
    const origin = commandOrigin(command, author);
    const results = parseCommand(args, origin, grammar, runScope);
    return {
        // Nothing is read from LaunchDarkly before the gate says the commenter may act.
        parsed: false,
        read: async () => {
            const changed = await changedSince(input);
            const checked = changed ? results.map((result) => refuse(result, changed)) : results;
            const gated = await (0,sources_gate/* applyGate */.e)(checked.map((result) => ({ result, actor: author, verb: 'wrote' })), gate);
            const labelsNow = await readLabels(input);
            return {
                results: gated,
                independent: [],
                skipped: [],
                labels: { superseded: [], added: undefined, labelsNow }
            };
        }
    };
}
function parseCommand(args, origin, grammar, runScope) {
    if (args.length > MAX_COMMAND_ENTRIES) {
        const source = `${args.length} entries`;
        const reason = `a command takes at most ${MAX_COMMAND_ENTRIES} entries; split it into several comments`;
        return [{ ok: false, invalid: { source, origin, reason } }];
    }
    const parsed = args.map((word) => (0,sources_grammar/* parseEntry */.ER)(word, origin, { ...grammar, intent: 'apply' }));
    return (0,sources_grammar/* rejectRepeatedKeys */.Ad)(parsed, runScope);
}
/** Why the comment no longer says what the event says, or undefined when it still does. */
async function changedSince({ comment }) {
    let now;
    try {
        now = await comment.current();
    }
    catch (error) {
        return `the comment could not be read again to check it still says this (${error.message})`;
    }
    if (now === undefined)
        return 'the comment was deleted, so nothing of it is applied';
    if (firstLine(now) !== firstLine(comment.written))
        return 'the first line of the comment was edited since this run was started (a re-run acts on the comment as first written); write a new comment';
    return undefined;
}
function firstLine(body) {
    return (body.split(/\r\n|\n|\r/, 1)[0] ?? '').trim();
}
function refuse(result, reason) {
    if (!result.ok)
        return result;
    const { source, origin } = result.entry;
    return { ok: false, invalid: { source, origin, reason } };
}
/** The PR's expiry labels, for the comment; none when GitHub cannot say (a warning). */
async function readLabels({ labels, grammar }) {
    if (!labels)
        return [];
    try {
        return (await labels()).filter((label) => (0,sources_grammar/* relatesToPrefix */.wJ)(label, grammar.prefix));
    }
    catch (error) {
        logger.warning(`${error.message} The comment shows this command's entries only.`);
        return [];
    }
}

;// CONCATENATED MODULE: ./src/sources/source.ts
/** A source that has read everything already. */
function readSource(read, parsed = false) {
    return { parsed, read: () => Promise.resolve(read) };
}

;// CONCATENATED MODULE: ./src/sources/targets-input.ts
/**
 * The source of the `targets` input, with the targets file when it is applied (push, schedule,
 * workflow_dispatch): one reviewed change, so all valid or nothing sent.
 */



function targetsInputSource({ targets, file, runScope }) {
    const results = withFlags((0,sources_grammar/* rejectRepeatedKeys */.Ad)([...targets, ...file], runScope), runScope);
    return readSource({ results, independent: [], skipped: [] }, results.length > 0 && results.every((r) => r.ok));
}
/** Without flag-key or segment-key, a targets line applies to nothing (a file item names its own). */
function withFlags(results, runScope) {
    if (namesContainers(runScope))
        return results;
    return results.map((r) => r.ok && !r.entry.scope
        ? {
            ok: false,
            invalid: {
                source: r.entry.source,
                origin: r.entry.origin,
                reason: 'flag-key is empty, so this line applies to no flag; set flag-key (the targets file names its own flags)'
            }
        }
        : r);
}

// EXTERNAL MODULE: ./src/modes/mode.ts + 2 modules
var mode = __webpack_require__(1428);
;// CONCATENATED MODULE: ./src/modes/apply.ts
/**
 * The apply mode: the entries of this run (a label event, the PR's labels, the `targets` input,
 * the targets file) planned against each (flag, environment) and sent. Flag reads start as soon
 * as the entries parse, so they overlap GitHub's answer on who sent a label.
 */













/** Pull request actions on which every expiry label the PR has now is applied again. */
const REAPPLY_ACTIONS = new Set(['opened', 'reopened', 'synchronize']);
async function runApply(input) {
    const { context, settings, github, launchDarkly } = input;
    // A slash command applies its own entries only: the file lends its aliases, nothing else.
    const command = input.trigger.kind === 'slash-command';
    const now = Date.now();
    const file = await (0,mode/* readRunTargetsFile */.qN)(input, now);
    const grammar = {
        prefix: settings.labelPrefix,
        timeZone: settings.timeZone,
        now,
        kind: settings.contextKind,
        aliases: file?.aliases
    };
    const fileResults = file?.results ?? [];
    const fileEntries = command ? [] : okEntries(fileResults);
    const { projectKey } = settings;
    const inputPairs = (0,mode/* pairsOf */.fq)(projectKey, runScopeOf(settings));
    const filePairs = fileEntries.flatMap((e) => (0,mode/* pairsOf */.fq)(projectKey, e.scope));
    const pairs = unique([...inputPairs, ...filePairs], container/* pairId */.a6);
    const endpoint = (0,mode/* endpointOf */.X5)(settings.contextKind, fileEntries);
    const options = (0,mode/* applyOptions */.V1)(input, endpoint, now);
    const source = sourceOf(input, grammar, file);
    let comment;
    const startComment = () => {
        if (input.commentTarget)
            comment ??= github.findComment(input.commentTarget);
    };
    const early = source.parsed;
    const prefetched = early ? (0,execute/* prefetchPairs */.pR)(launchDarkly, pairs, options) : undefined;
    if (early)
        startComment();
    const found = await source.read();
    // On a pull request the file is only planned: each line stands alone, and labels still act.
    const planned = file?.planOnly && !command ? file.results : [];
    const all = [...found.results, ...found.independent, ...planned];
    const labels = found.labels ?? { superseded: [], added: undefined, labelsNow: [] };
    if (all.length + found.skipped.length + labels.superseded.length > 0)
        startComment();
    const blocked = found.results.some((r) => !r.ok);
    const invalid = all.flatMap((r) => (r.ok ? [] : [r.invalid]));
    // Blocked, only the plan of the targets file is still read: it sends nothing either way.
    const entries = okEntries(all).filter((e) => !blocked || e.planOnly);
    const inputScope = new Set(inputPairs.map(container/* pairId */.a6));
    const planner = (_, pair) => entries.filter((e) => e.scope
        ? (0,mode/* pairsOf */.fq)(projectKey, e.scope).some((p) => (0,container/* pairId */.a6)(p) === (0,container/* pairId */.a6)(pair))
        : inputScope.has((0,container/* pairId */.a6)(pair)));
    const wanted = pairs.filter((pair) => planner(undefined, pair).length > 0);
    let flags = [];
    if (blocked)
        logger.info('Nothing was sent to LaunchDarkly: every entry must be valid first.');
    if (entries.length > 0) {
        flags = await (0,execute/* applyAll */.yl)(launchDarkly, wanted, planner, options, prefetched);
    }
    else if (!blocked && invalid.length === 0) {
        logger.notice('No entries to apply: list them in the targets input or the targets file, or add a label such as expire-user:sandy@2030-06-10.');
    }
    // A label supersedes others only once it acted: else the older label is still what holds.
    const acted = new Set(entries
        .filter((e) => flags.some((f) => f.entries.some((r) => r.planned.entry === e)))
        .filter((e) => flags.every((f) => f.entries.every((r) => r.planned.entry !== e || r.outcome !== 'failed')))
        .map((e) => e.origin));
    labels.superseded = labels.superseded.filter((s) => acted.has((0,sources_labels/* labelOrigin */.zk)(s.by)));
    const removed = await removeSuperseded(labels, input);
    const report = (0,model/* buildReport */.F)({
        dryRun: settings.dryRun,
        timeZone: settings.timeZone,
        baseUri: settings.baseUri,
        projectKey: settings.projectKey,
        environmentKeys: unique(pairs.map((p) => p.environmentKey), (e) => e),
        flagKeys: keysOf(pairs, 'flag'),
        segmentKeys: keysOf(pairs, 'segment'),
        ...(file?.planOnly && !command && fileResults.length > 0 ? { planOnlyFile: file.path } : {}),
        resting: restingLabels(all, found.skipped, labels, grammar),
        invalid,
        skipped: found.skipped,
        superseded: labels.superseded.map((s) => ({ ...s, removed: removed.has(s.label) })),
        flags,
        runUrl: context.runUrl
    });
    return { report, comment };
}
/** The flags, segments and environments the inputs name. */
function runScopeOf(settings) {
    const { flagKeys, segmentKeys, environmentKeys } = settings;
    return { flagKeys, segmentKeys, environmentKeys };
}
/** The keys of one kind of container, each once, in order. */
function keysOf(pairs, kind) {
    return unique(pairs.filter((p) => p.kind === kind).map((p) => p.key), (k) => k);
}
function unique(items, id) {
    const seen = new Map();
    for (const item of items)
        if (!seen.has(id(item)))
            seen.set(id(item), item);
    return [...seen.values()];
}
function okEntries(results) {
    return results.flatMap((r) => (r.ok ? [r.entry] : []));
}
/** The PR's labels this run did not act on, parsed so that the comment can show their state. */
function restingLabels(all, skipped, labels, base) {
    const seen = new Set([
        ...all.map((r) => (r.ok ? r.entry.origin : r.invalid.origin)),
        ...skipped.map((s) => s.origin),
        ...labels.superseded.map((s) => (0,sources_labels/* labelOrigin */.zk)(s.label))
    ]);
    const grammar = { ...base, intent: 'reapply' };
    return labels.labelsNow
        .filter((label) => !seen.has((0,sources_labels/* labelOrigin */.zk)(label)))
        .map((label) => ({ label, result: (0,sources_grammar/* parseEntry */.ER)(label, (0,sources_labels/* labelOrigin */.zk)(label), grammar) }));
}
/**
 * After a label event applied its label on every flag, the older labels for the same key come
 * off the PR, so that the PR shows one label per key. A dry run removes nothing.
 */
async function removeSuperseded(labels, { context, settings, github }) {
    const removed = new Set();
    const pullRequest = context.pullRequest?.number;
    if (!labels.added || settings.dryRun || pullRequest === undefined)
        return removed;
    for (const { label } of labels.superseded.filter((s) => s.by === labels.added)) {
        try {
            await github.removeLabel(pullRequest, label);
            removed.add(label);
        }
        catch (error) {
            logger.warning(error.message);
        }
    }
    return removed;
}
/**
 * The source of this run's entries: the entries of a slash command; the label of a label event;
 * on a pull request opened or pushed to, its labels beside the `targets` input; else the `targets` input and an applied targets file.
 */
function sourceOf({ context, settings, trigger, github }, grammar, file) {
    const gate = (0,mode/* gateOf */.Rv)({ context, settings, github });
    const { pullRequest } = context;
    // Without flag-key (a targets-file step), labels are another step's: left alone, unreported.
    const labelsAct = namesContainers(runScopeOf(settings));
    if (trigger.kind === 'slash-command') {
        const comment = context.issueComment;
        if (!comment)
            throw new Error('The issue_comment event payload has no usable comment');
        if (!labelsAct) {
            const origin = commandOrigin(settings.slashCommand, comment.author);
            const reason = 'flag-key and segment-key are empty, so a command applies to no flag; run commands in a step that names its flags';
            return readSource({
                results: [{ ok: false, invalid: { source: settings.slashCommand, origin, reason } }],
                independent: [],
                skipped: []
            });
        }
        return slashCommandSource({
            command: settings.slashCommand,
            args: trigger.args,
            author: comment.author,
            grammar,
            runScope: runScopeOf(settings),
            gate,
            ...(pullRequest && { labels: () => github.labels(pullRequest.number) }),
            comment: { written: comment.body, current: () => github.commentBody(comment.commentId) }
        });
    }
    if (trigger.kind === 'label' && !labelsAct) {
        logger.info('flag-key is empty, so labels are left to the step that names their flags.');
        return readSource({ results: [], independent: [], skipped: [] });
    }
    if (trigger.kind === 'label') {
        return labelEventSource({
            ...trigger,
            pullRequest: pullRequest && { number: pullRequest.number, sender: pullRequest.sender },
            grammar,
            reader: github,
            gate
        });
    }
    const targets = (0,sources_grammar/* parseTargets */.Sx)(settings.targets, { ...grammar, intent: 'apply' });
    const reapply = trigger.kind === 'pull-request' && REAPPLY_ACTIONS.has(trigger.action) && labelsAct;
    if (reapply && pullRequest) {
        return pullRequestLabelsSource({
            pullRequest: pullRequest.number,
            targets,
            grammar,
            reader: github,
            gate
        });
    }
    return targetsInputSource({
        targets,
        file: file && !file.planOnly ? file.results : [],
        runScope: runScopeOf(settings)
    });
}

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 12 modules
var lib_core = __webpack_require__(143);
// EXTERNAL MODULE: ./src/core/when.ts
var core_when = __webpack_require__(8807);
// EXTERNAL MODULE: ./src/core/target.ts
var target = __webpack_require__(4294);
// EXTERNAL MODULE: ./src/report/container-key.ts
var container_key = __webpack_require__(7983);
;// CONCATENATED MODULE: ./src/report/wording.ts
/** In a dry run nothing happened yet: what would. */
const PLANNED = {
    scheduled: 'will schedule',
    moved: 'will move',
    cancelled: 'will cancel'
};
const ICON = {
    scheduled: '🟢',
    moved: '🔁',
    cancelled: '⏹️',
    unchanged: '⚪',
    expired: '⌛',
    failed: '❌',
    invalid: '⚠️',
    superseded: '⏭️'
};
/** An outcome's words; `planned`: nothing was sent for it (a dry run, a plan-only row). */
function outcomeLabel(outcome, planned) {
    return (planned ? PLANNED[outcome] : undefined) ?? outcome;
}
/** The order outcomes are counted in a headline: what changed first, problems last. */
const HEADLINE_ORDER = [
    'scheduled',
    'moved',
    'cancelled',
    'unchanged',
    'expired',
    'superseded',
    'failed',
    'invalid'
];
/** The headline: every row counted by its outcome, so it never hides a failed one. */
function verdict(report) {
    const counts = HEADLINE_ORDER.flatMap((outcome) => [false, true].map((planned) => ({
        outcome,
        planned: planned || report.dryRun,
        n: report.rows.filter((r) => r.outcome === outcome && Boolean(r.planOnly) === planned).length
    }))).filter((c) => c.n > 0);
    if (counts.length === 0)
        return 'nothing to do';
    let line = counts.map((c) => `${c.n} ${outcomeLabel(c.outcome, c.planned)}`).join(', ');
    if (report.dryRun)
        line += ' (dry run: nothing was sent)';
    // This run's own invalid entries (the PR's other labels give no errors) stopped every entry.
    else if (report.totals.totalInstructions === 0 && report.errors.some((e) => e.flagKey === null))
        line += '; nothing was sent';
    return line;
}

;// CONCATENATED MODULE: ./src/report/log-lines.ts
/** A report as lines for the step log. Pure. */




/** Lines for the step log; src/log.ts makes whatever came from outside inert. */
function logLines(report) {
    if (report.fatal)
        return [report.fatal];
    if (report.help)
        return [`Help for ${report.help.command}: nothing was sent to LaunchDarkly.`];
    if (report.digest) {
        const { due, untilMs, untimed } = report.digest;
        return [
            ...due.map((d) => `due ${(0,core_when/* formatUtc */.ay)(d.removalMs)}: ${d.target.kind} ${JSON.stringify(d.target.key)} on ${describeItem(d)} in ${d.environmentKey}${d.variation === null ? '' : ` (${JSON.stringify(d.variation)})`}`),
            `${due.length} removals due by ${(0,core_when/* formatUtc */.ay)(untilMs)}; ${untimed} individually targeted keys have none`
        ];
    }
    const drift = (report.drift ?? []).map((d) => `drift on #${d.pullRequest}: label ${JSON.stringify(d.label)} asks for ${d.expected === null ? 'no removal' : (0,core_when/* formatUtc */.ay)(d.expected)} of ${JSON.stringify(d.target.key)} on ${describeItem(d)} in ${d.environmentKey}; LaunchDarkly had ${d.found === null ? 'none' : (0,core_when/* formatUtc */.ay)(d.found)} (${d.outcome})`);
    const lines = report.rows.map((row) => {
        const flag = row.container === undefined
            ? 'all flags'
            : `${row.container.kind} ${row.container.key} in ${row.environmentKey}`;
        const when = row.removalMs === undefined ? '' : ` at ${(0,core_when/* formatUtc */.ay)(row.removalMs)}`;
        const variation = row.variation === undefined ? '' : ` on ${JSON.stringify(row.variation)}`;
        const detail = row.detail === undefined ? '' : `: ${row.detail}`;
        const key = JSON.stringify(row.target?.key ?? row.source);
        const kind = row.target && row.target.kind !== target/* USER_KIND */.P1 ? `${row.target.kind} ` : '';
        const who = row.alias === undefined ? key : `${JSON.stringify(row.alias)} (${key})`;
        const planned = report.dryRun || Boolean(row.planOnly);
        return `${outcomeLabel(row.outcome, planned)} ${kind}${who} (${row.origin}) ${flag}${variation}${when}${detail}`;
    });
    return [...lines, ...drift, verdict(report)];
}
function describeItem(item) {
    const { kind, key } = (0,container_key/* containerOf */.t)(item);
    return `${kind} ${key}`;
}

// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(6412);
// EXTERNAL MODULE: ./src/report/due-soon.ts
var due_soon = __webpack_require__(2250);
// EXTERNAL MODULE: ./src/report/drift.ts
var drift = __webpack_require__(8101);
// EXTERNAL MODULE: ./src/report/links.ts
var links = __webpack_require__(3303);
;// CONCATENATED MODULE: ./src/report/markdown.ts
/** A report as Markdown, for the job summary and the PR comment, with every outside text escaped. Pure. */







/** LaunchDarkly errors listed under the table; the `errors` output has all of them. */
const MAX_LISTED_ERRORS = 50;
function renderMarkdown(report, options) {
    const head = [`## ${options.title}`];
    if (report.dryRun)
        head.push('### Plan only: nothing was changed');
    else if (report.planOnlyFile !== undefined)
        head.push(`### Plan: ${(0,report_escape/* code */.aY)(report.planOnlyFile, false)} will be applied when merged`);
    if (report.fatal) {
        // One line per problem: a line break inside text() would show as U+000A.
        head.push(`❌ ${report.fatal.split('\n').map(report_escape/* text */.Qq).join('  \n')}`);
        return head.join('\n\n');
    }
    if (report.help)
        return [...head, ...renderHelp(report, report.help)].join('\n\n');
    if (report.digest) {
        // Read-only: what is due, and the errors of the pairs that could not be read.
        return [...head, (0,due_soon/* renderDigest */.LN)(report.digest, report.timeZone), ...otherErrors(report)].join('\n\n');
    }
    // One flag, or one environment, goes in the headline instead of filling a column.
    const containers = [
        ...report.flagKeys.map((key) => containerId('flag', key)),
        ...(report.segmentKeys ?? []).map((key) => containerId('segment', key))
    ];
    const oneContainer = only(containers, report.rows.map((r) => r.container && containerId(r.container.kind, r.container.key)));
    const kindsOfContainer = new Set([
        ...(report.flagKeys.length > 0 ? ['flag'] : []),
        ...((report.segmentKeys ?? []).length > 0 ? ['segment'] : []),
        ...report.rows.flatMap((r) => (r.container ? [r.container.kind] : []))
    ]);
    const mixed = kindsOfContainer.size > 1;
    const oneEnvironment = only(report.environmentKeys, report.rows.map((r) => r.environmentKey));
    const where = [
        ...(oneContainer === undefined
            ? []
            : [
                containerLink(report, fromId(oneContainer), oneEnvironment ?? report.environmentKeys[0], false)
            ]),
        ...(oneEnvironment === undefined ? [] : [`environment ${(0,report_escape/* code */.aY)(oneEnvironment, false)}`]),
        `project ${(0,report_escape/* code */.aY)(report.projectKey, false)}`
    ];
    head.push(`**${verdict(report)}** · ${where.join(' · ')}`);
    const zoned = report.timeZone !== 'UTC';
    // Contexts of another kind than user get a Kind column, and the key column says Context.
    const kinds = report.rows.some((r) => r.target && r.target.kind !== target/* USER_KIND */.P1);
    const header = [
        ...(oneContainer === undefined
            ? [mixed ? 'Flag or segment' : kindsOfContainer.has('segment') ? 'Segment' : 'Flag']
            : []),
        ...(oneEnvironment === undefined ? ['Environment'] : []),
        ...(kinds ? ['Kind', 'Context'] : ['User']),
        mixed ? 'Variation or list' : kindsOfContainer.has('segment') ? 'List' : 'Variation'
    ];
    if (zoned)
        header.push(`Removal (${(0,report_escape/* code */.aY)(report.timeZone)})`);
    header.push('Removal (UTC)', 'Outcome', 'From', 'Details');
    const renderRow = (row) => {
        const cells = [];
        if (oneContainer === undefined) {
            const link = row.container && containerLink(report, row.container, row.environmentKey ?? '', true);
            cells.push(link === undefined ? '*all*' : mixed ? link : link.replace(/^\S+ /, ''));
        }
        if (oneEnvironment === undefined)
            cells.push(row.environmentKey === undefined ? '*all*' : (0,report_escape/* code */.aY)(row.environmentKey));
        if (kinds)
            cells.push(row.target ? (0,report_escape/* code */.aY)(row.target.kind) : '');
        cells.push(who(row), row.variation === undefined ? '' : (0,report_escape/* code */.aY)(row.variation));
        if (zoned)
            cells.push(row.removalMs === undefined ? '' : (0,core_when/* formatInZone */.FL)(row.removalMs, report.timeZone));
        cells.push(row.removalMs === undefined ? '' : (0,core_when/* formatUtc */.ay)(row.removalMs), `${ICON[row.outcome]} ${outcomeLabel(row.outcome, report.dryRun || Boolean(row.planOnly))}`, from(row), row.detail ? (0,report_escape/* text */.Qq)(row.detail) : '');
        return cells;
    };
    const sections = [];
    const errors = report.errors.filter((e) => e.instructionIndex !== null);
    if (errors.length > 0) {
        const items = errors
            .slice(0, MAX_LISTED_ERRORS)
            .map((e) => `- ${e.segmentKey === undefined ? 'flag' : 'segment'} ${(0,report_escape/* code */.aY)(e.segmentKey ?? e.flagKey ?? '', false)}, instruction ${e.instructionIndex}${e.request !== null && e.request > 1 ? ` of request ${e.request}` : ''} → ${(0,report_escape/* text */.Qq)(e.origin ?? '')} ${(0,report_escape/* code */.aY)(e.entry ?? '', false)}: ${(0,report_escape/* text */.Qq)(e.message)}`);
        if (errors.length > MAX_LISTED_ERRORS) {
            items.push(`- … and ${errors.length - MAX_LISTED_ERRORS} more in the step's \`errors\` output`);
        }
        sections.push(['### LaunchDarkly errors', ...items].join('\n'));
    }
    sections.push(...otherErrors(report));
    if (report.drift)
        sections.push(['### Drift', (0,drift/* renderDrift */.i)(report.drift, report.dryRun)].join('\n\n'));
    // Rows fill what the heading, the error list and a margin leave of maxLength.
    const budget = (options.maxLength ?? Infinity) - [...head, ...sections].join('\n\n').length - 200;
    const rows = [];
    let used = 0;
    for (const row of report.rows) {
        const cells = renderRow(row);
        used += cells.join(' | ').length + 5;
        if (used > budget)
            break;
        rows.push(cells);
    }
    let rowsTable = (0,report_escape/* table */.tp)(header, rows);
    if (rows.length < report.rows.length) {
        rowsTable += `\n\n*${report.rows.length - rows.length} more rows left out to fit; ${options.overflowHint ?? 'see the job summary'}.*`;
    }
    return [...head, rowsTable, ...sections].join('\n\n');
}
/** Errors that belong to no entry: a flag that could not be read, unexplained counts. */
function otherErrors(report) {
    const other = report.errors.filter((e) => e.instructionIndex === null && e.entry === null);
    if (other.length === 0)
        return [];
    return [['### Other errors', ...other.map((e) => `- ${(0,report_escape/* text */.Qq)(e.message)}`)].join('\n')];
}
/** The run link: it changes every run, so the comment keeps it out of its digest. */
function footer(report) {
    return report.runUrl ? `<sub>[Workflow run](${report.runUrl})</sub>` : '';
}
/** The one value every row has (rows that apply to all count as it), if there is one. */
function only(keys, rows) {
    const seen = new Set(rows.filter((r) => r !== undefined));
    const [key] = keys;
    if (keys.length !== 1 || key === undefined)
        return undefined;
    return seen.size === 0 || (seen.size === 1 && seen.has(key)) ? key : undefined;
}
/** `flag <key>` or `segment <key>`, the key linked to its targeting page in an environment. */
function containerLink(report, { kind, key }, environmentKey, inTable) {
    const url = (0,links/* targetingUrl */.d)(report.baseUri, report.projectKey, key, environmentKey ?? '', kind);
    return `${kind} ${url ? `[${(0,report_escape/* code */.aY)(key, inTable)}](${url})` : (0,report_escape/* code */.aY)(key, inTable)}`;
}
function containerId(kind, key) {
    return `${kind}\n${key}`;
}
function fromId(id) {
    const at = id.indexOf('\n');
    return { kind: id.slice(0, at), key: id.slice(at + 1) };
}
/** The key, or the alias it was written as with the key it stands for. */
function who(row) {
    const key = (0,report_escape/* code */.aY)(row.target?.key ?? row.source);
    return row.alias === undefined ? key : `${(0,report_escape/* code */.aY)(row.alias)} (${key})`;
}
/** Where a row came from: a label (shown as written), or a line of the targets input. */
function from(row) {
    return row.origin.startsWith('label ') ? `label ${(0,report_escape/* code */.aY)(row.source)}` : (0,report_escape/* text */.Qq)(row.origin);
}
/** A slash command's grammar, with an example for this step's flags and segments. */
function renderHelp(report, help) {
    const list = (keys) => keys.map((key) => (0,report_escape/* code */.aY)(key, false)).join(', ');
    const on = [
        ...(report.flagKeys.length > 0
            ? [`${report.flagKeys.length === 1 ? 'flag' : 'flags'} ${list(report.flagKeys)}`]
            : []),
        ...(help.segmentKeys.length > 0
            ? [`${help.segmentKeys.length === 1 ? 'segment' : 'segments'} ${list(help.segmentKeys)}`]
            : [])
    ];
    const environments = `${report.environmentKeys.length === 1 ? 'environment' : 'environments'} ${list(report.environmentKeys)}`;
    const example = [`${help.command} sandy@2030-06-10 bob@+7d`, `${help.command} carol@never`];
    return [
        `**How to use ${(0,report_escape/* code */.aY)(help.command, false)}** · project ${(0,report_escape/* code */.aY)(report.projectKey, false)}`,
        `Write a comment whose first line is ${(0,report_escape/* code */.aY)(help.command, false)} followed by one or more entries, separated by spaces. For example, to remove sandy on 10 June 2030 and bob in 7 days, then to cancel carol's removal:`,
        ['```text', ...example, '```'].join('\n'),
        [
            `- An entry is ${(0,report_escape/* code */.aY)('<key>@<when>', false)}: a date (${(0,report_escape/* code */.aY)('2030-06-10', false)}), an instant with its zone (${(0,report_escape/* code */.aY)('2030-06-10T09:00Z', false)}), a time from now (${(0,report_escape/* code */.aY)('+36h', false)}, ${(0,report_escape/* code */.aY)('+7d', false)}, ${(0,report_escape/* code */.aY)('+2w', false)}), or ${(0,report_escape/* code */.aY)('never', false)} to cancel a scheduled removal. The prefix ${(0,report_escape/* code */.aY)(help.prefix, false)} is optional.`,
            `- Every entry applies to ${on.join(' and ')}, in ${environments}.`,
            '- All or nothing: if one entry is invalid, nothing of the comment is sent.',
            `- It acts only for people with ${(0,report_escape/* code */.aY)(help.requiredPermission, false)} permission on the repository or more.`,
            `- ${(0,report_escape/* code */.aY)(`${help.command} help`, false)} shows this.`
        ].join('\n')
    ];
}

// EXTERNAL MODULE: ./src/report/outputs.ts
var outputs = __webpack_require__(5468);
;// CONCATENATED MODULE: ./src/report/deliver.ts
/**
 * A report to where it goes: the log, the job summary, the step outputs, and a PR comment when
 * the run has one to write. The one place that decides what is written where, and whether the
 * step fails.
 */






/** GitHub keeps at most 1 MiB of a step's summary: longer ones are cut to fit. */
const MAX_SUMMARY_LENGTH = 1_000_000;
async function deliver(report, to) {
    for (const line of logLines(report))
        logger.info(line);
    // GitHub shows 10 error annotations a step: the step's own failure keeps one of them. A
    // targets file's problem is on its file and line, so it shows on the pull request's diff.
    const failsStep = report.fatal !== undefined || to.failOnError;
    for (const error of report.errors.slice(0, failsStep ? 9 : 10)) {
        const at = error.file === undefined ? {} : { file: error.file, startLine: error.line };
        logger.error(error.message, { title: version/* TITLE */.ly, ...at });
    }
    const content = renderMarkdown(report, { title: version/* TITLE */.ly });
    const foot = footer(report);
    if (to.summary) {
        const fits = content.length <= MAX_SUMMARY_LENGTH
            ? content
            : renderMarkdown(report, {
                title: version/* TITLE */.ly,
                maxLength: MAX_SUMMARY_LENGTH,
                overflowHint: "the step's outputs have every entry"
            });
        await lib_core/* summary */.z.addRaw(`${fits}\n\n${foot}\n`).write();
    }
    // The summary and the outputs come before the comment and the dashboard, so that they are
    // written whatever happens to those; comment-url once the comment is.
    for (const [name, value] of Object.entries((0,outputs/* outputsOf */.Yz)(report)))
        if (name !== 'comment-url')
            lib_core/* setOutput */.uH(name, value);
    let commentUrl = '';
    if (to.comment) {
        const written = await to.comment.github.writeComment(to.comment.pending, commentBody(report, content));
        if (written) {
            commentUrl = written.url;
            logger.info(`PR comment ${written.action}: ${written.url}`);
        }
    }
    lib_core/* setOutput */.uH('comment-url', commentUrl);
    for (const { pullRequest, report: own } of to.pullRequests?.reports ?? []) {
        const { github, key } = to.pullRequests;
        const written = await github.writeComment(github.findComment({ pullRequest, key }), commentBody(own));
        if (written)
            logger.info(`PR #${pullRequest} comment ${written.action}: ${written.url}`);
    }
    if (to.dashboard) {
        const written = await to.dashboard.github.writeDashboard(to.dashboard.key, to.dashboard.sections, foot);
        if (written)
            logger.info(`Dashboard issue ${written.action}: ${written.url}`);
    }
    if (report.fatal) {
        logger.fail(report.fatal);
        return;
    }
    if (!report.failed)
        return;
    const summary = `${report.errors.length} problem${report.errors.length === 1 ? '' : 's'}; see the log and the job summary.`;
    if (to.failOnError)
        logger.fail(summary);
    else
        logger.warning(`${summary} (fail-on-error is false, so the step passes)`);
}
/** A report as a PR comment: the summary's Markdown unless it is too long for a comment. */
function commentBody(report, content = renderMarkdown(report, { title: version/* TITLE */.ly })) {
    return {
        render: (maxLength) => content.length <= maxLength
            ? content
            : renderMarkdown(report, {
                title: version/* TITLE */.ly,
                maxLength,
                overflowHint: 'the job summary of the workflow run has every row'
            }),
        footer: footer(report)
    };
}
function setOutputs(values) {
    for (const [name, value] of Object.entries(values))
        lib_core/* setOutput */.uH(name, value);
}

;// CONCATENATED MODULE: ./src/run/comment-target.ts
/** Which comment a run writes: one per PR (or issue, for a command comment), and per project, environment and flags. */
function commentTargetOf(settings, context) {
    // A command comment is answered on its own issue or pull request, whatever pr-number says.
    const pullRequest = context.issueComment?.issueNumber ?? settings.prNumber ?? context.pullRequest?.number;
    if (!settings.comment || pullRequest === undefined)
        return undefined;
    return { pullRequest, key: settings.commentKey };
}

// EXTERNAL MODULE: ./src/core/keys.ts
var keys = __webpack_require__(1483);
;// CONCATENATED MODULE: ./src/run/settings.ts
/**
 * Action inputs -> one typed, validated Settings object. The only module that reads inputs.
 */






/** What the run does: apply entries, sweep untimed targets, reconcile open PRs, or digest. */
const MODES = ['apply', 'sweep', 'reconcile', 'digest'];
const DEFAULT_BASE_URI = 'https://app.launchdarkly.com';
const key = schemas/* string */.YjP()
    .min(1, 'is required')
    .max(256, 'is longer than 256 characters')
    .regex(keys/* KEY */._, `may only contain ${keys/* KEY_RULE */.Z3}`);
const bool = schemas/* string */.YjP().transform((value, ctx) => {
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    ctx.addIssue({ code: 'custom', message: `must be true or false, not "${value}"` });
    return core/* NEVER */.tm;
});
function isLoopback(hostname) {
    return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}
const baseUri = schemas/* string */.YjP().transform((text, ctx) => {
    let url;
    try {
        url = new URL(text);
    }
    catch {
        ctx.addIssue({
            code: 'custom',
            message: `is not a URL ("${text}"); write it like ${DEFAULT_BASE_URI}`
        });
        return core/* NEVER */.tm;
    }
    const plainLoopback = url.protocol === 'http:' && isLoopback(url.hostname);
    if (url.protocol !== 'https:' && !plainLoopback) {
        ctx.addIssue({
            code: 'custom',
            message: 'must use https (http is allowed only on a loopback host)'
        });
        return core/* NEVER */.tm;
    }
    if (url.username || url.password || url.search || url.hash) {
        ctx.addIssue({ code: 'custom', message: 'must have no credentials, query or fragment' });
        return core/* NEVER */.tm;
    }
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
});
const apiKey = schemas/* string */.YjP()
    .min(1, 'is empty: pass a LaunchDarkly access token from a secret (see the README for forks)')
    .refine((v) => !/^(sdk|mob)-/.test(v), {
    message: 'is an SDK or mobile key; the REST API needs a personal or service access token'
})
    .refine((v) => !/\s/.test(v), {
    message: 'contains white space; check how the secret was stored'
});
/** A comma- or newline-separated list, trimmed, without blanks or repeats. */
function splitList(value) {
    return [
        ...new Set(value
            .split(/[,\n]/)
            .map((v) => v.trim())
            .filter(Boolean))
    ];
}
/** One or more keys, comma- or newline-separated. */
function keyList(what) {
    return schemas/* string */.YjP()
        .transform(splitList)
        .pipe(schemas/* array */.YOg(key).min(1, `is required: one or more ${what} keys, comma- or newline-separated`));
}
const FLAG_KEY_REQUIRED = 'is required: one or more flag keys, comma- or newline-separated (it may be empty with segment-key or targets-file)';
/** LaunchDarkly's context kinds: letters, digits, ".", "_" and "-"; `kind` and `multi` are reserved. */
const contextKind = schemas/* string */.YjP()
    .refine((v) => v === '' || keys/* CONTEXT_KIND */.R$.test(v), {
    message: 'may only contain letters, digits, ".", "_" and "-"'
})
    .refine((v) => !keys/* RESERVED_KINDS */.bZ.includes(v), {
    message: 'cannot be "kind" or "multi"; name a context kind such as user or organization'
})
    .transform((v) => (v === '' ? undefined : v));
const targetsFile = schemas/* string */.YjP()
    .refine((v) => !v.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(v), {
    message: 'must be a path relative to the workspace, such as .github/expiring-targets.yml'
})
    .refine((v) => !v.split(/[\\/]/).includes('..'), {
    message: 'must stay inside the workspace (no "..")'
})
    .transform((v) => (v === '' ? undefined : v));
const DURATION_MS = { h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const MAX_DURATION_MS = 520 * 604_800_000;
/** `Nh`, `Nd` or `Nw`, as milliseconds; empty as undefined. */
const duration = schemas/* string */.YjP().transform((value, ctx) => {
    if (value === '')
        return undefined;
    const match = /^(\d{1,6})([hdw])$/.exec(value);
    const ms = match ? Number(match[1]) * DURATION_MS[match[2]] : 0;
    if (ms > MAX_DURATION_MS) {
        ctx.addIssue({ code: 'custom', message: `must be at most 10 years (520w), not "${value}"` });
        return core/* NEVER */.tm;
    }
    if (ms <= 0) {
        ctx.addIssue({
            code: 'custom',
            message: `must be a positive number of hours, days or weeks, such as 36h, 30d or 2w, not "${value}"`
        });
        return core/* NEVER */.tm;
    }
    return ms;
});
function integer(min, max, unit) {
    return schemas/* string */.YjP()
        .regex(/^\d{1,6}$/, `must be a whole number of ${unit}`)
        .transform(Number)
        .pipe(schemas/* number */.aig().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));
}
/** Flag or segment keys, comma- or newline-separated; `*` alone is every one of the project. */
function containerKeys(kind) {
    return schemas/* string */.YjP()
        .transform(splitList)
        .pipe(schemas/* array */.YOg(schemas/* string */.YjP().refine((v) => v === '*' || key.safeParse(v).success, {
        error: (issue) => `may only contain ${keys/* KEY_RULE */.Z3} (${JSON.stringify(issue.input)} does not), or be * alone for every ${kind}`
    })));
}
const prNumber = schemas/* string */.YjP()
    .regex(/^(\d{1,10})?$/, 'must be a pull request number')
    .transform((v) => (v === '' ? undefined : Number(v)));
const schema = schemas/* object */.Ikc({
    mode: schemas/* enum */.k5n(MODES, { message: `must be one of ${MODES.join(', ')}` }),
    'api-key': apiKey,
    'base-uri': baseUri,
    'project-key': key,
    'environment-key': keyList('environment'),
    'flag-key': containerKeys('flag'),
    'segment-key': containerKeys('segment'),
    'flag-tag': schemas/* string */.YjP().refine((v) => v === '' || keys/* KEY */._.test(v), {
        message: `may only contain ${keys/* KEY_RULE */.Z3}`
    }),
    'default-lifetime': duration,
    exclude: schemas/* string */.YjP().transform(splitList),
    window: duration,
    'extend-by': duration,
    dashboard: bool,
    'context-kind': contextKind,
    'targets-file': targetsFile,
    variation: schemas/* string */.YjP().transform((v) => (v === '' ? undefined : v)),
    targets: schemas/* string */.YjP(),
    'label-prefix': schemas/* string */.YjP()
        .max(40, 'is longer than 40 characters')
        .regex(/^[^\s@,]+$/, 'must have no white space, "@" or ","'),
    'slash-command': schemas/* string */.YjP()
        .max(40, 'is longer than 40 characters')
        .regex(/^[^\s@,]+$/, 'must be one word, with no white space, "@" or ","'),
    timezone: schemas/* string */.YjP()
        .refine(core_when/* isValidTimeZone */.Aq, { message: 'is not an IANA time zone, e.g. UTC, Europe/Berlin' }),
    'dry-run': bool,
    comment: bool,
    'pr-number': prNumber,
    'github-token': schemas/* string */.YjP(),
    'fail-on-error': bool,
    'required-permission': schemas/* enum */.k5n(permission/* PERMISSIONS */.Jj, {
        message: `must be one of ${permission/* PERMISSIONS */.Jj.join(', ')}`
    }),
    'max-attempts': integer(1, 10, 'attempts'),
    'max-retry-wait': integer(0, 600, 'seconds'),
    'request-timeout': integer(1, 300, 'seconds'),
    'batch-size': integer(1, 1000, 'instructions')
});
/** Every input the action reads; action.yml must declare exactly these (a test checks). */
const INPUT_NAMES = Object.keys(schema.shape);
/** action.yml's defaults, for runs that do not get them from the runner (a test checks both agree). */
const INPUT_DEFAULTS = {
    mode: 'apply',
    window: '7d',
    dashboard: 'false',
    'base-uri': DEFAULT_BASE_URI,
    'label-prefix': run_trigger/* DEFAULT_PREFIX */.Nf,
    'slash-command': run_trigger/* DEFAULT_SLASH_COMMAND */.iR,
    timezone: 'UTC',
    'dry-run': 'false',
    comment: 'true',
    'fail-on-error': 'true',
    'required-permission': 'write',
    'max-attempts': '5',
    'max-retry-wait': '120',
    'request-timeout': '30',
    'batch-size': '100'
};
const isScan = (mode) => mode === 'sweep' || mode === 'digest';
const allFlagsOf = (v) => v['flag-key'].includes('*');
const allSegmentsOf = (v) => v['segment-key'].includes('*');
const CROSS_CHECKS = [
    {
        inputs: ['flag-key'],
        problem: (v) => allFlagsOf(v) && v['flag-key'].length > 1
            ? 'Input "flag-key" is either * (every flag) or a list of keys, not both.'
            : undefined
    },
    {
        inputs: ['segment-key'],
        problem: (v) => allSegmentsOf(v) && v['segment-key'].length > 1
            ? 'Input "segment-key" is either * (every segment) or a list of keys, not both.'
            : undefined
    },
    {
        inputs: ['flag-key', 'segment-key', 'targets-file'],
        problem: (v) => v['flag-key'].length === 0 && v['segment-key'].length === 0 && !v['targets-file']
            ? `Input "flag-key" ${FLAG_KEY_REQUIRED}.`
            : undefined
    },
    {
        inputs: ['segment-key', 'mode'],
        problem: (v) => allSegmentsOf(v) && !isScan(v.mode)
            ? `Input "segment-key" may be * (every segment) only with mode sweep or digest, not ${v.mode}.`
            : undefined
    },
    {
        inputs: ['flag-key', 'mode'],
        problem: (v) => allFlagsOf(v) && !isScan(v.mode)
            ? `Input "flag-key" may be * (every flag) only with mode sweep or digest, not ${v.mode}.`
            : undefined
    },
    {
        inputs: ['flag-tag', 'flag-key'],
        problem: (v) => v['flag-tag'] && !allFlagsOf(v)
            ? 'Input "flag-tag" works only with flag-key: * (every flag with that tag).'
            : undefined
    },
    {
        inputs: ['mode', 'default-lifetime'],
        problem: (v) => v.mode === 'sweep' && v['default-lifetime'] === undefined
            ? 'Input "default-lifetime" is required with mode sweep: the removal each untimed target gets, such as 30d.'
            : undefined
    },
    {
        inputs: ['dashboard', 'mode'],
        problem: (v) => v.dashboard && v.mode !== 'digest' && v.mode !== 'reconcile'
            ? 'Input "dashboard" works only with mode digest or reconcile.'
            : undefined
    },
    {
        inputs: ['mode', 'targets'],
        problem: (v) => v.mode !== 'apply' && v.targets.trim() !== ''
            ? `Input "targets" works only with mode apply, not ${v.mode}.`
            : undefined
    },
    {
        inputs: ['targets-file', 'mode'],
        problem: (v) => v['targets-file'] && v.mode !== 'apply' && v.mode !== 'reconcile'
            ? `Input "targets-file" works only with mode apply, and with reconcile for its aliases, not ${v.mode}.`
            : undefined
    },
    {
        inputs: ['mode', 'default-lifetime', 'exclude'],
        problem: (v) => v.mode !== 'sweep' && (v['default-lifetime'] !== undefined || v.exclude.length > 0)
            ? 'Inputs "default-lifetime" and "exclude" work only with mode sweep.'
            : undefined
    },
    {
        inputs: ['mode', 'variation'],
        problem: (v) => v.mode === 'sweep' && v.variation !== undefined
            ? 'Input "variation" does not work with mode sweep: each key is swept on the variation it is targeted on.'
            : undefined
    }
];
/**
 * Every input on its own, then every cross-check whose inputs are valid: one run reports every
 * problem, one sentence each, rather than one more on each run.
 */
function validate(raw) {
    const parsed = {};
    const problems = [];
    for (const name of INPUT_NAMES) {
        const result = schema.shape[name].safeParse(raw[name]);
        if (result.success)
            parsed[name] = result.data;
        else
            problems.push(...result.error.issues.map((issue) => `Input "${name}" ${issue.message}.`));
    }
    for (const { inputs, problem } of CROSS_CHECKS) {
        if (!inputs.every((name) => name in parsed))
            continue;
        const text = problem(parsed);
        if (text !== undefined)
            problems.push(text);
    }
    return problems.length === 0 ? { values: parsed, problems } : { problems };
}
const INPUT_VARIABLE = 'INPUT_';
/** The most of an unknown input's name a message shows. */
const MAX_SHOWN_NAME = 60;
/**
 * The runner gives every `with:` entry as `INPUT_<NAME>` (upper-cased, spaces as `_`, hyphens
 * kept), declared or not, and only warns about an undeclared one: a misspelt input such as
 * `dry_run` would otherwise be ignored and the run would do what it was told not to. Each unknown
 * one is a sentence naming it as the workflow spells it, and the closest declared input.
 */
function unknownInputs(env = process.env) {
    const declared = INPUT_NAMES;
    const problems = [];
    for (const variable of Object.keys(env).sort()) {
        if (!variable.startsWith(INPUT_VARIABLE))
            continue;
        const name = variable.slice(INPUT_VARIABLE.length).toLowerCase();
        if (name === '' || declared.includes(name))
            continue;
        const shown = name.length > MAX_SHOWN_NAME
            ? `${name.slice(0, MAX_SHOWN_NAME)}… (${name.length} chars)`
            : name;
        const closest = closestInput(name);
        problems.push(closest === undefined
            ? `\`${shown}\` is not an input of this action; its inputs are ${INPUT_NAMES.join(', ')}.`
            : `\`${shown}\` is not an input of this action; did you mean \`${closest}\`?`);
    }
    return problems;
}
/**
 * The declared input a name most likely meant: the same but for `_`, `.` or a space in place of
 * `-`, a few typing slips away (edit distance with transpositions), or a whole word of it
 * (`project` for `project-key`). Undefined when none is close.
 */
function closestInput(name) {
    const written = name.toLowerCase().replace(/[_.\s]/g, '-');
    if (written.length > MAX_SHOWN_NAME)
        return undefined;
    let best;
    for (const input of INPUT_NAMES) {
        const distance = editDistance(written, input);
        const slips = Math.max(2, Math.floor(Math.max(written.length, input.length) / 3));
        const word = input.startsWith(`${written}-`) || input.endsWith(`-${written}`);
        if (distance > slips && !word)
            continue;
        if (best === undefined || distance < best.distance)
            best = { input, distance };
    }
    return best?.input;
}
/** Optimal string alignment distance: insertions, deletions, substitutions and swaps cost 1. */
function editDistance(a, b) {
    const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    const at = (i, j) => rows[i]?.[j] ?? Infinity;
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let d = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                d = Math.min(d, at(i - 2, j - 2) + 1);
            rows[i][j] = d;
        }
    }
    return at(a.length, b.length);
}
/**
 * Which sticky comment a step writes: one per project, set of environments and set of flags (the
 * targets file's path stands for the flags it names).
 */
function commentKeyOf(projectKey, environmentKeys, flagKeys, targetsFile, segmentKeys = []) {
    const clean = (value) => value.replace(/[^A-Za-z0-9._,/-]/g, '');
    const parts = [`project=${clean(projectKey)}`, `environment=${clean(environmentKeys.join(','))}`];
    if (flagKeys.length > 0)
        parts.push(`flags=${clean(flagKeys.join(','))}`);
    if (segmentKeys.length > 0)
        parts.push(`segments=${clean(segmentKeys.join(','))}`);
    if (targetsFile !== undefined)
        parts.push(`file=${clean(targetsFile)}`);
    return parts.join(' ');
}
class SettingsError extends Error {
    problems;
    reporting;
    constructor(problems, reporting) {
        super(problems.join('\n'));
        this.problems = problems;
        this.reporting = reporting;
        this.name = 'SettingsError';
    }
}
/** Reads every input, masks the secrets, and returns the settings or throws SettingsError. */
function readSettings() {
    const raw = {};
    for (const name of INPUT_NAMES) {
        const value = lib_core/* getInput */.V4(name, { trimWhitespace: name !== 'targets' });
        raw[name] = value === '' ? (INPUT_DEFAULTS[name] ?? '') : value;
    }
    for (const secret of [raw['api-key'], raw['github-token']])
        if (secret)
            lib_core/* setSecret */.Pq(secret);
    const checked = validate(raw);
    const problems = [...unknownInputs(), ...checked.problems];
    const v = checked.values;
    if (v === undefined || problems.length > 0) {
        throw new SettingsError(problems, {
            comment: raw.comment !== 'false',
            prNumber: /^\d{1,10}$/.test(raw['pr-number']) ? Number(raw['pr-number']) : undefined,
            githubToken: raw['github-token'],
            failOnError: raw['fail-on-error'] !== 'false',
            apiKeyMissing: raw['api-key'] === '',
            commentKey: commentKeyOf(raw['project-key'], splitList(raw['environment-key']), splitList(raw['flag-key']), raw['targets-file'] || undefined, splitList(raw['segment-key']))
        });
    }
    const allFlags = v['flag-key'][0] === '*';
    const allSegments = v['segment-key'][0] === '*';
    return {
        mode: v.mode,
        apiKey: v['api-key'],
        baseUri: v['base-uri'],
        projectKey: v['project-key'],
        environmentKeys: v['environment-key'],
        flagKeys: allFlags ? [] : v['flag-key'],
        allFlags,
        segmentKeys: allSegments ? [] : v['segment-key'],
        allSegments,
        flagTag: v['flag-tag'] || undefined,
        defaultLifetimeMs: v['default-lifetime'],
        exclude: v.exclude,
        windowMs: v.window ?? 7 * 86_400_000,
        extendByMs: v['extend-by'] ?? v.window ?? 7 * 86_400_000,
        dashboard: v.dashboard,
        contextKind: v['context-kind'],
        targetsFile: v['targets-file'],
        variation: v.variation,
        targets: v.targets,
        labelPrefix: v['label-prefix'],
        slashCommand: v['slash-command'],
        timeZone: v.timezone,
        dryRun: v['dry-run'],
        comment: v.comment,
        prNumber: v['pr-number'],
        githubToken: v['github-token'],
        failOnError: v['fail-on-error'],
        requiredPermission: v['required-permission'],
        maxAttempts: v['max-attempts'],
        maxRetryWaitMs: v['max-retry-wait'] * 1000,
        requestTimeoutMs: v['request-timeout'] * 1000,
        batchSize: v['batch-size'],
        commentKey: commentKeyOf(v['project-key'], v['environment-key'], v['flag-key'], v['targets-file'], v['segment-key'])
    };
}

;// CONCATENATED MODULE: ./src/main.ts
/**
 * The run: context -> settings -> the mode -> deliver. Bad inputs still get a report, in the log,
 * the summary and the PR comment, and nothing is sent to LaunchDarkly.
 */












/** Each mode, loaded only by the runs that use it. */
const main_MODES = {
    apply: () => Promise.resolve(runApply),
    sweep: async () => (await __webpack_require__.e(/* import() */ 196).then(__webpack_require__.bind(__webpack_require__, 2196))).runSweep,
    reconcile: async () => (await __webpack_require__.e(/* import() */ 452).then(__webpack_require__.bind(__webpack_require__, 7452))).runReconcile,
    digest: async () => (await __webpack_require__.e(/* import() */ 114).then(__webpack_require__.bind(__webpack_require__, 5114))).runDigest
};
/** Events that only one mode acts on; a step in another mode leaves them to its sibling step. */
const ONLY_IN_MODE = {
    'dashboard-edit': { mode: 'digest', what: "The dashboard's boxes" },
    'slash-command': { mode: 'apply', what: 'Slash commands' }
};
async function run(start) {
    try {
        await main_execute(start);
    }
    catch (error) {
        logger.fail(error instanceof Error ? error.message : String(error));
    }
}
async function main_execute(start) {
    const context = readContext(start?.event);
    let settings;
    try {
        settings = readSettings();
    }
    catch (error) {
        if (!(error instanceof SettingsError))
            throw error;
        return reportInvalidInputs(error, context, start?.trigger);
    }
    const trigger = start?.trigger ?? triggerOf(context, settings.labelPrefix, settings.slashCommand);
    if (trigger.kind === 'unrelated-label') {
        logger.info((0,run_trigger/* unrelatedLabelMessage */.MH)(trigger.label, settings.labelPrefix));
        return setOutputs(outputs/* EMPTY_OUTPUTS */.Jd);
    }
    if (trigger.kind === 'ignored-comment' || trigger.kind === 'ignored-issue') {
        logger.info((0,run_trigger/* ignoredCommentMessage */.zD)(trigger.reason));
        return setOutputs(outputs/* EMPTY_OUTPUTS */.Jd);
    }
    const only = ONLY_IN_MODE[trigger.kind];
    if (only && settings.mode !== only.mode) {
        logger.info((0,run_trigger/* ignoredCommentMessage */.zD)(`${only.what} act in mode ${only.mode} only, and this step is ${settings.mode}`));
        return setOutputs(outputs/* EMPTY_OUTPUTS */.Jd);
    }
    const github = gitHubSession(settings.githubToken, context, settings);
    // A slash command: eyes on its comment now, then rocket or confused once the run is done.
    const command = trigger.kind === 'slash-command' ? commandOf(context) : undefined;
    const eyes = command && github.react(command.commentId, 'eyes');
    let succeeded = false;
    const launchDarkly = launchDarklyClient(settings);
    try {
        const commentTarget = settings.mode === 'apply' ? commentTargetOf(settings, context) : undefined;
        if (trigger.kind === 'slash-command' && trigger.help) {
            await deliver(helpReport(settings, context), {
                comment: commentTarget && { github, pending: github.findComment(commentTarget) },
                summary: context.hasSummary,
                failOnError: settings.failOnError
            });
            succeeded = true;
            return;
        }
        const modeInput = { context, settings, trigger, github, launchDarkly, commentTarget };
        const result = trigger.kind === 'dashboard-edit'
            ? await (await __webpack_require__.e(/* import() */ 77).then(__webpack_require__.bind(__webpack_require__, 5077))).runDashboardEdit(modeInput)
            : await (await main_MODES[settings.mode]())(modeInput);
        if (!result)
            return setOutputs(outputs/* EMPTY_OUTPUTS */.Jd);
        await deliver(result.report, {
            comment: result.comment && { github, pending: result.comment },
            summary: context.hasSummary,
            failOnError: settings.failOnError,
            ...(result.pullRequests && {
                pullRequests: { github, key: settings.commentKey, reports: result.pullRequests }
            }),
            ...(result.dashboard && {
                dashboard: { github, key: `project=${settings.projectKey}`, sections: result.dashboard }
            })
        });
        succeeded = !result.report.failed;
    }
    finally {
        launchDarkly.close();
        if (command) {
            await eyes;
            await github.react(command.commentId, succeeded ? 'rocket' : 'confused');
        }
    }
}
/** The comment of a slash command; throws one sentence when the payload has none usable. */
function commandOf(context) {
    const comment = context.issueComment ?? issueCommentOf(context.event);
    if (!comment)
        throw new Error('The issue_comment event payload has no usable comment');
    return comment;
}
/** `/expire help`: the grammar, with an example for this step; nothing is sent. */
function helpReport(settings, context) {
    return (0,model/* buildReport */.F)({
        dryRun: false,
        timeZone: settings.timeZone,
        baseUri: settings.baseUri,
        projectKey: settings.projectKey,
        environmentKeys: settings.environmentKeys,
        flagKeys: settings.flagKeys,
        invalid: [],
        flags: [],
        runUrl: context.runUrl,
        help: {
            command: settings.slashCommand,
            prefix: settings.labelPrefix,
            requiredPermission: settings.requiredPermission,
            segmentKeys: settings.segmentKeys
        }
    });
}
/** Bad inputs: nothing is sent, but the report still reaches the log, the summary and the PR. */
async function reportInvalidInputs(error, context, trigger) {
    const { reporting } = error;
    const { pullRequest, event } = context;
    let fatal = `Invalid input, so nothing was sent to LaunchDarkly:\n${error.message}`;
    if (reporting.apiKeyMissing && pullRequest?.fromFork && event.name === 'pull_request') {
        fatal =
            'This pull request comes from a fork, and GitHub gives pull_request workflows from forks no secrets, so api-key is empty. ' +
                "Run this workflow on pull_request_target instead: it has the secret and a write token, and is safe because the workflow never checks out the PR's code (see the README).";
    }
    const report = (0,model/* buildReport */.F)({
        dryRun: false,
        timeZone: 'UTC',
        baseUri: '',
        projectKey: '',
        environmentKeys: [],
        flagKeys: [],
        invalid: [],
        flags: [],
        fatal,
        runUrl: context.runUrl
    });
    const github = gitHubSession(reporting.githubToken, context);
    // On a comment, only a command (as index.ts read it) is answered: most comments are not.
    const command = trigger?.kind === 'slash-command' ? context.issueComment : undefined;
    const target = context.event.name === 'issue_comment' && !command
        ? undefined
        : commentTargetOf(reporting, context);
    await deliver(report, {
        comment: target && { github, pending: github.findComment(target) },
        summary: context.hasSummary,
        failOnError: reporting.failOnError
    });
    if (command)
        await github.react(command.commentId, 'confused');
}


/***/ }),

/***/ 1428:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  V1: () => (/* binding */ applyOptions),
  X5: () => (/* binding */ endpointOf),
  Rv: () => (/* binding */ gateOf),
  fq: () => (/* binding */ pairsOf),
  qN: () => (/* binding */ readRunTargetsFile)
});

// UNUSED EXPORTS: auditComment

// EXTERNAL MODULE: ./src/engine/execute.ts + 2 modules
var execute = __webpack_require__(2756);
// EXTERNAL MODULE: ./src/launchdarkly/container.ts
var container = __webpack_require__(8255);
// EXTERNAL MODULE: ./src/core/logger.ts
var logger = __webpack_require__(1227);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/sources/workspace-file.ts
/**
 * A file of the checked-out repository, read at the edge: the path must stay inside the workspace
 * (symbolic links included), and the file must be a regular file of sensible size.
 */


const MAX_BYTES = 1024 * 1024;
function readWorkspaceFile(workspace, path) {
    const checkout = 'check out the repository before this step (actions/checkout), and give the path from its root';
    let root;
    let real;
    try {
        root = (0,external_node_fs_.realpathSync)(workspace);
        real = (0,external_node_fs_.realpathSync)((0,external_node_path_.resolve)(root, path));
    }
    catch {
        return { ok: false, reason: `it is not in the workspace (${workspace}); ${checkout}` };
    }
    const inside = (0,external_node_path_.relative)(root, real);
    if (inside.startsWith('..') || (0,external_node_path_.isAbsolute)(inside))
        return { ok: false, reason: `it leads outside the workspace (${workspace}); ${checkout}` };
    const stat = (0,external_node_fs_.statSync)(real);
    if (!stat.isFile())
        return { ok: false, reason: 'it is not a file' };
    if (stat.size > MAX_BYTES)
        return { ok: false, reason: `it is ${stat.size} bytes; a targets file has at most 1 MiB` };
    return { ok: true, text: (0,external_node_fs_.readFileSync)(real, 'utf8') };
}

;// CONCATENATED MODULE: ./src/sources/targets-file.ts

/** Events on which the targets file is applied; on any other (a pull request) it is planned. */
const FILE_APPLY_EVENTS = new Set(['push', 'schedule', 'workflow_dispatch']);
/** The targets file, when the input names one: applied on push, schedule and workflow_dispatch. */
async function readTargetsFile(input, now) {
    const { path } = input;
    if (path === undefined)
        return undefined;
    const planOnly = !FILE_APPLY_EVENTS.has(input.eventName);
    const read = readWorkspaceFile(input.workspace, path);
    if (!read.ok) {
        const invalid = {
            source: path,
            origin: `targets-file ${JSON.stringify(path)}`,
            reason: read.reason
        };
        return { path, planOnly, aliases: new Map(), results: [{ ok: false, invalid }] };
    }
    // Loaded only when there is a file: the YAML parser is a fifth of the bundle.
    const { parseTargetsFile } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(463)]).then(__webpack_require__.bind(__webpack_require__, 6463));
    const parsed = parseTargetsFile(read.text, {
        path,
        timeZone: input.timeZone,
        now,
        defaultEnvironments: input.environmentKeys,
        defaultFlags: input.flagKeys,
        defaultSegments: input.segmentKeys
    });
    const results = parsed.results.map((r) => r.ok && planOnly ? { ok: true, entry: { ...r.entry, planOnly } } : r);
    return { path, planOnly, aliases: parsed.aliases, results };
}

// EXTERNAL MODULE: ./src/core/target.ts
var target = __webpack_require__(4294);
;// CONCATENATED MODULE: ./src/modes/mode.ts





/** The targets file of this run's settings, read and parsed (undefined without one). */
function readRunTargetsFile({ context, settings }, now) {
    return readTargetsFile({
        path: settings.targetsFile,
        eventName: context.event.name,
        workspace: context.workspace,
        timeZone: settings.timeZone,
        environmentKeys: settings.environmentKeys,
        flagKeys: settings.flagKeys,
        segmentKeys: settings.segmentKeys
    }, now);
}
/** The options every mode plans and sends with. */
function applyOptions({ context, settings }, endpoint, now, concurrency = execute/* CONCURRENCY */.iy) {
    return {
        endpoint,
        variation: settings.variation,
        now,
        dryRun: settings.dryRun,
        comment: auditComment(context),
        maxWriteAttempts: settings.maxAttempts,
        batchSize: settings.batchSize,
        concurrency,
        warn: (message) => logger.warning(message)
    };
}
/** `required-permission`, checked against GitHub for each label's sender. */
function gateOf({ context, settings, github }) {
    return {
        required: settings.requiredPermission,
        repository: context.repositoryName,
        permissionOf: (login) => github.permissionOf(login)
    };
}
/** Every flag and every segment of a scope, in every environment of it. */
function pairsOf(projectKey, scope) {
    if (!scope)
        return [];
    const { environmentKeys } = scope;
    return [
        ...scope.flagKeys.flatMap((key) => environmentKeys.map((e) => (0,container/* flagRef */.ug)(projectKey, key, e))),
        ...(scope.segmentKeys ?? []).flatMap((key) => environmentKeys.map((e) => (0,container/* segmentRef */.Jl)(projectKey, key, e)))
    ];
}
/**
 * The contexts endpoint when context-kind is set or an entry names a context of another kind;
 * else the user endpoint, as in v1.
 */
function endpointOf(contextKind, entries = []) {
    if (contextKind !== undefined)
        return 'contexts';
    return entries.some((e) => e.target.kind !== target/* USER_KIND */.P1) ? 'contexts' : 'users';
}
/** What LaunchDarkly's audit log says about why the change was made. */
function auditComment({ pullRequest, repository, runUrl }) {
    const parts = ['Scheduled by the LaunchDarkly Expiring Targets GitHub Action'];
    if (pullRequest && repository) {
        parts.push(`for ${repository.owner}/${repository.repo}#${pullRequest.number}${pullRequest.url ? ` (${pullRequest.url})` : ''}`);
    }
    if (runUrl)
        parts.push(`in workflow run ${runUrl}`);
    return parts.join(' ');
}


/***/ }),

/***/ 7983:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ containerKeyField),
/* harmony export */   t: () => (/* binding */ containerOf)
/* harmony export */ });
function containerKeyField(ref) {
    return ref.kind === 'flag' ? { flagKey: ref.key } : { segmentKey: ref.key };
}
/** The container an output item names. */
function containerOf(item) {
    return 'flagKey' in item
        ? { kind: 'flag', key: item.flagKey }
        : { kind: 'segment', key: item.segmentKey };
}


/***/ }),

/***/ 8101:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ driftOf),
/* harmony export */   i: () => (/* binding */ renderDrift)
/* harmony export */ });
/* harmony import */ var _core_when_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8807);
/* harmony import */ var _container_key_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7983);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6412);



/** Rows shown; the `drift` output has all of them (an issue body holds 65,536 characters). */
const MAX_ROWS = 200;
const HEALING = new Set(['scheduled', 'moved', 'cancelled']);
/** Every entry whose plan had to change LaunchDarkly: that is drift. */
function driftOf(flags, sourceOf) {
    const drift = [];
    for (const flag of flags) {
        for (const { planned, outcome } of flag.entries) {
            const source = sourceOf(planned.entry.origin);
            if (!source || !HEALING.has(planned.outcome))
                continue;
            drift.push({
                ...source,
                ...(0,_container_key_js__WEBPACK_IMPORTED_MODULE_1__/* .containerKeyField */ .L)(flag.ref),
                environmentKey: flag.ref.environmentKey,
                target: planned.entry.target,
                expected: planned.entry.when.kind === 'at' ? planned.entry.when.epochMs : null,
                found: planned.currentMs ?? null,
                outcome
            });
        }
    }
    return drift;
}
function renderDrift(drift, dryRun) {
    if (drift.length === 0)
        return 'No drift: every open pull request label matches LaunchDarkly.';
    const when = (ms) => (ms === null ? 'none' : (0,_core_when_js__WEBPACK_IMPORTED_MODULE_0__/* .formatUtc */ .ay)(ms));
    const segments = drift.some((d) => 'segmentKey' in d);
    const name = (d) => {
        const { kind, key } = (0,_container_key_js__WEBPACK_IMPORTED_MODULE_1__/* .containerOf */ .t)(d);
        return segments ? `${kind} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(key)}` : (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(key);
    };
    const rows = drift
        .slice(0, MAX_ROWS)
        .map((d) => [
        `#${d.pullRequest}`,
        (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(d.label),
        name(d),
        (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(d.environmentKey),
        (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(d.target.key),
        when(d.expected),
        when(d.found),
        (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq)(dryRun ? `would be ${d.outcome}` : d.outcome)
    ]);
    return [
        `**${drift.length} label${drift.length === 1 ? '' : 's'} out of place${dryRun ? ' (dry run: not healed)' : ', healed'}**`,
        (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .table */ .tp)([
            'PR',
            'Label',
            segments ? 'Flag or segment' : 'Flag',
            'Environment',
            'Key',
            'Label says',
            'LaunchDarkly had',
            'Done'
        ], rows),
        ...(drift.length > MAX_ROWS
            ? [`*${drift.length - MAX_ROWS} more in the step's \`drift\` output.*`]
            : [])
    ].join('\n\n');
}


/***/ }),

/***/ 2250:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LN: () => (/* binding */ renderDigest),
/* harmony export */   O2: () => (/* binding */ describeWindow),
/* harmony export */   PW: () => (/* binding */ buildDigest)
/* harmony export */ });
/* harmony import */ var _launchdarkly_flag_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4252);
/* harmony import */ var _launchdarkly_segment_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1413);
/* harmony import */ var _core_when_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8807);
/* harmony import */ var _container_key_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7983);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6412);
/* harmony import */ var _links_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3303);






function buildDigest(input) {
    const due = [];
    let untimed = 0;
    let pairs = 0;
    for (const { ref, state } of input.flags) {
        if (!state)
            continue;
        pairs++;
        const { flag, segment } = state;
        if (flag)
            untimed += (0,_launchdarkly_flag_js__WEBPACK_IMPORTED_MODULE_0__/* .untimedKeys */ .Zs)({ flag, items: state.items }, ref.environmentKey, input.kind).length;
        if (segment)
            untimed += (0,_launchdarkly_segment_js__WEBPACK_IMPORTED_MODULE_2__/* .untimedMembers */ .aS)({ segment, items: state.items }, input.kind).length;
        for (const item of state.items) {
            if (item.expirationDate > input.untilMs)
                continue;
            if (flag && item.targetType !== undefined)
                continue;
            const variation = flag?.variations.find((v) => v._id === item.variationId);
            due.push({
                ...(0,_container_key_js__WEBPACK_IMPORTED_MODULE_3__/* .containerKeyField */ .L)(ref),
                environmentKey: ref.environmentKey,
                target: item.target,
                variation: variation ? (0,_launchdarkly_flag_js__WEBPACK_IMPORTED_MODULE_0__/* .variationLabel */ .ue)(variation) : (item.targetType ?? null),
                removalMs: item.expirationDate,
                removalAt: new Date(item.expirationDate).toISOString(),
                url: (0,_links_js__WEBPACK_IMPORTED_MODULE_4__/* .targetingUrl */ .d)(input.baseUri, input.projectKey, ref.key, ref.environmentKey, ref.kind) ??
                    null
            });
        }
    }
    due.sort((a, b) => a.removalMs - b.removalMs ||
        (0,_container_key_js__WEBPACK_IMPORTED_MODULE_3__/* .containerOf */ .t)(a).kind.localeCompare((0,_container_key_js__WEBPACK_IMPORTED_MODULE_3__/* .containerOf */ .t)(b).kind) ||
        (0,_container_key_js__WEBPACK_IMPORTED_MODULE_3__/* .containerOf */ .t)(a).key.localeCompare((0,_container_key_js__WEBPACK_IMPORTED_MODULE_3__/* .containerOf */ .t)(b).key) ||
        a.environmentKey.localeCompare(b.environmentKey) ||
        a.target.key.localeCompare(b.target.key));
    const segments = input.flags.some((f) => f.ref.kind === 'segment');
    return { untilMs: input.untilMs, windowMs: input.windowMs, due, untimed, pairs, segments };
}
/** The digest as Markdown: a headline, the due table, and the untimed count. */
function renderDigest(digest, timeZone, maxRows = 1000) {
    const lines = [];
    const n = digest.due.length;
    // The window, not the instant it ends: the same state renders the same text on every run,
    // so the dashboard is not rewritten for the clock alone.
    lines.push(`**${n} removal${n === 1 ? '' : 's'} due in the next ${describeWindow(digest.windowMs)}** · ${digest.pairs} ${digest.segments ? 'flags and segments' : `flag${digest.pairs === 1 ? '' : 's'}`} and environments read`);
    if (n > 0) {
        const zoned = timeZone !== 'UTC';
        const segments = digest.due.some((d) => 'segmentKey' in d);
        const header = [
            ...(zoned ? [`Removal (${(0,_escape_js__WEBPACK_IMPORTED_MODULE_5__/* .code */ .aY)(timeZone)})`] : []),
            'Removal (UTC)',
            segments ? 'Flag or segment' : 'Flag',
            'Environment',
            'Kind',
            'Key',
            segments ? 'Variation or list' : 'Variation'
        ];
        const name = (d) => {
            const { kind, key } = (0,_container_key_js__WEBPACK_IMPORTED_MODULE_3__/* .containerOf */ .t)(d);
            const shown = d.url ? `[${(0,_escape_js__WEBPACK_IMPORTED_MODULE_5__/* .code */ .aY)(key)}](${d.url})` : (0,_escape_js__WEBPACK_IMPORTED_MODULE_5__/* .code */ .aY)(key);
            return segments ? `${kind} ${shown}` : shown;
        };
        const rows = digest.due
            .slice(0, maxRows)
            .map((d) => [
            ...(zoned ? [(0,_core_when_js__WEBPACK_IMPORTED_MODULE_1__/* .formatInZone */ .FL)(d.removalMs, timeZone)] : []),
            (0,_core_when_js__WEBPACK_IMPORTED_MODULE_1__/* .formatUtc */ .ay)(d.removalMs),
            name(d),
            (0,_escape_js__WEBPACK_IMPORTED_MODULE_5__/* .code */ .aY)(d.environmentKey),
            (0,_escape_js__WEBPACK_IMPORTED_MODULE_5__/* .code */ .aY)(d.target.kind),
            (0,_escape_js__WEBPACK_IMPORTED_MODULE_5__/* .code */ .aY)(d.target.key),
            d.variation === null ? '' : (0,_escape_js__WEBPACK_IMPORTED_MODULE_5__/* .code */ .aY)(d.variation)
        ]);
        lines.push((0,_escape_js__WEBPACK_IMPORTED_MODULE_5__/* .table */ .tp)(header, rows));
        if (n > maxRows)
            lines.push(`*${n - maxRows} more in the step's \`due\` output.*`);
    }
    lines.push(digest.untimed === 0
        ? 'Every individually targeted key has a removal scheduled.'
        : (0,_escape_js__WEBPACK_IMPORTED_MODULE_5__/* .text */ .Qq)(`${digest.untimed} individually targeted key${digest.untimed === 1 ? ' has' : 's have'} no removal scheduled: a sweep (mode: sweep, with default-lifetime) would give each one.`));
    return lines.join('\n\n');
}
/** 7 days, 36 hours, 2 weeks: a window in the unit a person would write it in. */
function describeWindow(ms) {
    const WEEK = 604_800_000;
    const DAY = 86_400_000;
    const [n, unit] = ms % WEEK === 0 && ms >= 2 * WEEK
        ? [ms / WEEK, 'week']
        : ms % DAY === 0
            ? [ms / DAY, 'day']
            : [Math.round(ms / 3_600_000), 'hour'];
    return `${n} ${unit}${n === 1 ? '' : 's'}`;
}


/***/ }),

/***/ 6412:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qq: () => (/* binding */ text),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   tp: () => (/* binding */ table)
/* harmony export */ });
/* harmony import */ var _core_unicode_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4320);
/**
 * Escaping for text that comes from labels, inputs or LaunchDarkly, so that it renders as the
 * text it is in a comment or job summary: never as markup, a mention, or a broken table.
 */

const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()#!|~<>&]/g;
const WORD_JOINER = '\u2060';
/**
 * Plain text: punctuation Markdown could read as syntax becomes a numeric character reference
 * (rendered as itself, never parsed), and `@` is followed by a word joiner so `@someone` does not
 * mention anyone.
 */
function text(value) {
    return (0,_core_unicode_js__WEBPACK_IMPORTED_MODULE_0__/* .showInvisible */ .jQ)(value)
        .replace(MARKDOWN_PUNCTUATION, (ch) => `&#${ch.charCodeAt(0)};`)
        .replace(/@/g, `@${WORD_JOINER}`);
}
/**
 * A code span: shown verbatim and in monospace, and GitHub does not look for mentions in code.
 * `inTable` escapes pipes, which GFM splits cells on even inside code spans.
 */
function code(value, inTable = true) {
    let body = (0,_core_unicode_js__WEBPACK_IMPORTED_MODULE_0__/* .showInvisible */ .jQ)(value);
    if (inTable)
        body = body.replace(/\|/g, '\\|');
    const longestRun = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longestRun + 1);
    const pad = body.startsWith('`') || body.endsWith('`') || body.startsWith(' ') ? ' ' : '';
    return `${fence}${pad}${body}${pad}${fence}`;
}
function table(header, rows) {
    const line = (cells) => `| ${cells.join(' | ')} |`;
    return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}


/***/ }),

/***/ 3303:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ targetingUrl)
/* harmony export */ });
/** Links into LaunchDarkly's UI. Pure. */
/** A flag's or a segment's targeting page in one environment; undefined without a base URI. */
function targetingUrl(baseUri, projectKey, key, environmentKey, kind = 'flag') {
    if (!baseUri || !environmentKey)
        return undefined;
    const path = ['projects', projectKey, `${kind}s`, key, 'targeting'].map(encodeURIComponent);
    return `${baseUri}/${path.join('/')}?env=${encodeURIComponent(environmentKey)}`;
}


/***/ }),

/***/ 6867:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ buildReport)
/* harmony export */ });
/* harmony import */ var _launchdarkly_flag_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4252);
/* harmony import */ var _sources_labels_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9799);
/* harmony import */ var _core_when_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8807);
/* harmony import */ var _core_target_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4294);




function buildReport(input) {
    const environmentKey = input.environmentKeys.join(',');
    const rows = [];
    const errors = [];
    for (const invalid of input.invalid) {
        rows.push({
            source: invalid.source,
            origin: invalid.origin,
            outcome: 'invalid',
            detail: invalid.reason
        });
        errors.push({
            flagKey: null,
            environmentKey,
            entry: invalid.source,
            origin: invalid.origin,
            target: null,
            userKey: null,
            instructionIndex: null,
            request: null,
            message: `${describeOrigin(invalid)}: ${invalid.reason}`,
            ...(invalid.file === undefined ? {} : { file: invalid.file }),
            ...(invalid.line === undefined ? {} : { line: invalid.line })
        });
    }
    for (const skipped of input.skipped ?? []) {
        rows.push({
            source: skipped.source,
            origin: skipped.origin,
            outcome: 'unchanged',
            detail: skipped.reason
        });
    }
    for (const { label, target, by, removed } of input.superseded ?? []) {
        rows.push({
            target,
            source: label,
            origin: (0,_sources_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .labelOrigin */ .zk)(label),
            outcome: 'superseded',
            detail: `${JSON.stringify(by)} names the same key and was added later${removed ? '; removed from the pull request' : ''}`
        });
    }
    let failedInstructions = 0;
    for (const flag of input.flags) {
        const { environmentKey } = flag.ref;
        const container = { kind: flag.ref.kind, key: flag.ref.key };
        // The errors output names a flag by flagKey, as it always has; a segment by segmentKey.
        const errorKeys = container.kind === 'flag'
            ? { flagKey: container.key }
            : { flagKey: null, segmentKey: container.key };
        for (const result of flag.entries) {
            const { planned } = result;
            const { entry } = planned;
            const replaced = result.outcome === 'moved' || result.outcome === 'cancelled';
            const detail = result.message ??
                (replaced && planned.currentMs !== undefined
                    ? `was ${(0,_core_when_js__WEBPACK_IMPORTED_MODULE_2__/* .formatUtc */ .ay)(planned.currentMs)}`
                    : planned.reason);
            rows.push({
                container,
                environmentKey,
                target: entry.target,
                ...(entry.alias === undefined ? {} : { alias: entry.alias }),
                ...(entry.planOnly ? { planOnly: true } : {}),
                source: entry.source,
                origin: entry.origin,
                variation: planned.variation?.label,
                // What LaunchDarkly holds now: the new time, or the old one where this run failed.
                removalMs: result.outcome === 'failed' || result.outcome === 'expired'
                    ? planned.currentMs
                    : result.outcome === 'cancelled'
                        ? undefined
                        : planned.removalMs,
                outcome: result.outcome,
                detail
            });
            if (result.outcome !== 'failed')
                continue;
            if (planned.instruction)
                failedInstructions++;
            errors.push({
                ...errorKeys,
                environmentKey,
                entry: entry.source,
                origin: entry.origin,
                target: entry.target,
                userKey: entry.target.key,
                instructionIndex: result.instructionIndex ?? null,
                request: result.request ?? null,
                message: result.message ?? 'failed'
            });
        }
        for (const message of flag.unmatchedErrors) {
            errors.push({
                ...errorKeys,
                environmentKey,
                entry: null,
                origin: null,
                target: null,
                userKey: null,
                instructionIndex: null,
                request: null,
                message
            });
        }
    }
    rows.push(...restingRows(input));
    const instructions = input.flags.flatMap((f) => f.instructions);
    const totalInstructions = instructions.length;
    return {
        dryRun: input.dryRun,
        timeZone: input.timeZone,
        baseUri: input.baseUri,
        projectKey: input.projectKey,
        environmentKeys: input.environmentKeys,
        flagKeys: input.flagKeys,
        ...(input.planOnlyFile === undefined ? {} : { planOnlyFile: input.planOnlyFile }),
        rows,
        errors,
        instructions,
        totals: {
            totalInstructions,
            successfulInstructions: input.dryRun ? 0 : totalInstructions - failedInstructions,
            failedInstructions
        },
        fatal: input.fatal,
        runUrl: input.runUrl,
        ...(input.help === undefined ? {} : { help: input.help }),
        failed: input.fatal !== undefined || errors.length > 0
    };
}
/** `targets line 3 "sandy@…"`; a label's origin already quotes it. */
function describeOrigin(entry) {
    return entry.origin.includes(JSON.stringify(entry.source))
        ? entry.origin
        : `${entry.origin} "${entry.source}"`;
}
/**
 * Rows for the PR's labels this run did not act on, with what LaunchDarkly holds for each on
 * every flag this run read. They are the PR's state, not this run's problems: no errors.
 */
function restingRows(input) {
    const rows = [];
    for (const { label, result } of input.resting ?? []) {
        const origin = (0,_sources_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .labelOrigin */ .zk)(label);
        if (!result.ok) {
            rows.push({
                source: label,
                origin,
                outcome: 'invalid',
                detail: result.invalid.reason
            });
            continue;
        }
        const { target, source, alias } = result.entry;
        const named = alias === undefined ? {} : { alias };
        const read = input.flags.filter((f) => f.state);
        if (read.length === 0) {
            rows.push({
                target,
                ...named,
                source,
                origin,
                outcome: 'unchanged',
                detail: 'not read by this run'
            });
        }
        for (const { ref, state } of read) {
            // A flag's own removals carry no targetType; a segment's do.
            const item = state?.items.find((i) => (0,_core_target_js__WEBPACK_IMPORTED_MODULE_3__/* .targetId */ .Lx)(i.target) === (0,_core_target_js__WEBPACK_IMPORTED_MODULE_3__/* .targetId */ .Lx)(target) &&
                (ref.kind === 'segment' || i.targetType === undefined));
            const variation = state?.flag?.variations.find((v) => v._id === item?.variationId);
            rows.push({
                container: { kind: ref.kind, key: ref.key },
                environmentKey: ref.environmentKey,
                target,
                ...named,
                source,
                origin,
                variation: variation ? (0,_launchdarkly_flag_js__WEBPACK_IMPORTED_MODULE_0__/* .variationLabel */ .ue)(variation) : item?.targetType,
                removalMs: item?.expirationDate,
                outcome: 'unchanged',
                detail: item ? 'not changed by this run' : 'no removal is scheduled'
            });
        }
    }
    return rows;
}


/***/ }),

/***/ 9071:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ applyGate)
/* harmony export */ });
/* harmony import */ var _github_permission_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2892);

async function applyGate(items, gate) {
    if (gate.required === 'none')
        return items.map((i) => i.result);
    const cache = new Map();
    const lookup = (login) => {
        let found = cache.get(login);
        if (!found) {
            found = gate.permissionOf(login);
            cache.set(login, found);
        }
        return found;
    };
    return Promise.all(items.map(async ({ result, actor, verb }) => {
        if (!result.ok)
            return result;
        const { source, origin } = result.entry;
        const refuse = (reason) => ({
            ok: false,
            invalid: { source, origin, reason }
        });
        const command = verb === 'wrote';
        const what = command ? 'this command' : 'this label';
        const needs = `changing targeting through ${command ? 'comment commands' : 'labels'} needs ${gate.required} permission (input required-permission)`;
        if (!actor)
            return refuse(`GitHub does not say who ${verb} ${what}; ${needs}`);
        let actual;
        try {
            actual = await lookup(actor);
        }
        catch (error) {
            return refuse(`could not check the permission of ${actor}, who ${verb} ${what} (${error.message}); ${needs}`);
        }
        if ((0,_github_permission_js__WEBPACK_IMPORTED_MODULE_0__/* .allows */ .NB)(actual, gate.required))
            return result;
        return refuse(`${actor}, who ${verb} ${what}, has ${actual} permission on ${gate.repository}; ${needs}`);
    }));
}


/***/ }),

/***/ 9799:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D8: () => (/* binding */ readLabelEvent),
/* harmony export */   Oi: () => (/* binding */ readPullRequestLabels),
/* harmony export */   "if": () => (/* binding */ parseEventLabel),
/* harmony export */   zk: () => (/* binding */ labelOrigin)
/* harmony export */ });
/* harmony import */ var _core_target_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4294);
/* harmony import */ var _gate_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9071);
/* harmony import */ var _grammar_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2851);
/**
 * Entries from labels: the label of a label event, or every expiry label a PR has now, each
 * checked against `required-permission`. Anyone with triage access can add a label; a label acts
 * only when the person who added (or removed) it has at least that permission on the repository.
 * Fails closed: when GitHub cannot say who it was or what they may do, the label does not act.
 */



function labelOrigin(label) {
    return `label ${JSON.stringify(label)}`;
}
/** The label of a `labeled` event as an entry to apply; of an `unlabeled` one, to cancel. */
function parseEventLabel(label, action, grammar) {
    const intent = action === 'unlabeled' ? 'cancel' : 'apply';
    return (0,_grammar_js__WEBPACK_IMPORTED_MODULE_0__/* .parseEntry */ .ER)(label, labelOrigin(label), { ...grammar, intent });
}
/** The prefixed labels, parsed as labels already on the PR, in the PR's order. */
function parseLabels(labels, grammar) {
    return labels
        .filter((label) => (0,_grammar_js__WEBPACK_IMPORTED_MODULE_0__/* .relatesToPrefix */ .wJ)(label, grammar.prefix))
        .map((label) => ({
        label,
        result: (0,_grammar_js__WEBPACK_IMPORTED_MODULE_0__/* .parseEntry */ .ER)(label, labelOrigin(label), { ...grammar, intent: 'reapply' })
    }));
}
function keyOf(result) {
    return result.ok ? (0,_core_target_js__WEBPACK_IMPORTED_MODULE_1__/* .targetId */ .Lx)(result.entry.target) : undefined;
}
/** A label whose time has passed: its removal is due or done, so it is left alone. */
function expired(parsed, now) {
    const { result } = parsed;
    if (!result.ok || result.entry.when.kind !== 'at' || result.entry.when.epochMs > now)
        return undefined;
    const reason = 'its time has passed, so LaunchDarkly has removed the target or will at once';
    return { source: result.entry.source, origin: labelOrigin(parsed.label), reason };
}
/**
 * Of several labels for one key, the one added last. Undefined when the PR's events do not say
 * for each of them.
 */
function latest(group, labelings) {
    let best;
    for (const parsed of group) {
        const order = labelings.get(parsed.label)?.order;
        if (order === undefined)
            return undefined;
        if (!best || order > best.order)
            best = { parsed, order };
    }
    return best?.parsed;
}
/**
 * The labels of a PR, one per key: where several labels name one key, the one added last wins
 * and the others are superseded; where that cannot be told, the key is skipped, naming its labels.
 */
function onePerKey(parsed, labelings) {
    const groups = new Map();
    const chosen = [];
    for (const item of parsed) {
        const key = keyOf(item.result);
        if (key === undefined)
            chosen.push(item);
        else
            groups.set(key, [...(groups.get(key) ?? []), item]);
    }
    const skipped = [];
    const superseded = [];
    for (const group of groups.values()) {
        const winner = group.length === 1 ? group[0] : labelings && latest(group, labelings);
        if (winner) {
            chosen.push(winner);
            for (const other of group)
                if (other !== winner && other.result.ok)
                    superseded.push({
                        label: other.label,
                        target: other.result.entry.target,
                        by: winner.label
                    });
            continue;
        }
        const names = group.map((g) => JSON.stringify(g.label)).join(', ');
        for (const { label, result } of group) {
            skipped.push({
                source: result.ok ? result.entry.source : label,
                origin: labelOrigin(label),
                reason: `the labels ${names} name the same key and GitHub's events do not say which was added last; remove all but one`
            });
        }
    }
    return { chosen, skipped, superseded };
}
/**
 * When and by whom each label was added: needed when `required-permission` asks who added a
 * label, or when several labels share a key. Without `required-permission`, events that cannot
 * be read only leave the shared keys undecided.
 */
async function readLabelings(pullRequest, parsed, reader, gate) {
    const keys = parsed.map((p) => keyOf(p.result)).filter((k) => k !== undefined);
    if (keys.length === 0)
        return undefined;
    if (gate.required !== 'none')
        return reader.labelings(pullRequest);
    if (new Set(keys).size === keys.length)
        return undefined;
    try {
        return await reader.labelings(pullRequest);
    }
    catch {
        return undefined;
    }
}
async function readLiveLabels(pullRequest, reader, grammar) {
    return (await reader.labels(pullRequest)).filter((l) => (0,_grammar_js__WEBPACK_IMPORTED_MODULE_0__/* .relatesToPrefix */ .wJ)(l, grammar.prefix));
}
/**
 * A `labeled` or `unlabeled` event. Added: the label is applied when it is the newest for its key,
 * and the older ones are superseded. Removed: the key's removal is cancelled only when no other
 * label for it remains; otherwise the remaining label (the last added) is applied.
 */
async function readLabelEvent(event, pullRequest, grammar, reader, gate) {
    const { result } = event;
    const labelsNow = await readLiveLabels(pullRequest, reader, grammar);
    const verb = event.action === 'unlabeled' ? 'removed' : 'added';
    const bySender = (r) => (0,_gate_js__WEBPACK_IMPORTED_MODULE_2__/* .applyGate */ .e)([{ result: r, actor: event.sender, verb }], gate);
    const none = { results: [], skipped: [], superseded: [], labelsNow };
    const leave = (reason) => ({
        ...none,
        skipped: [{ source: event.label, origin: labelOrigin(event.label), reason }]
    });
    const key = keyOf(result);
    const others = parseLabels(labelsNow, grammar).filter((p) => p.label !== event.label && key !== undefined && keyOf(p.result) === key);
    if (others.length === 0)
        return { ...none, results: await bySender(result) };
    let labelings;
    try {
        labelings = await reader.labelings(pullRequest);
    }
    catch (error) {
        return leave(`${error.message} Other labels name the same key, so which one is newest cannot be told; nothing was changed`);
    }
    if (event.action === 'labeled') {
        // A rerun, or a run queued behind a newer label's, must not undo the newer label. An event
        // GitHub has not listed yet is the newest: it was just added.
        if (!labelings.has(event.label)) {
            labelings = new Map(labelings).set(event.label, {
                actor: event.sender ?? '',
                order: Infinity
            });
        }
        const { chosen, skipped, superseded } = onePerKey([{ label: event.label, result }, ...others], labelings);
        const winner = chosen[0];
        if (winner?.label !== event.label)
            return { ...none, skipped, superseded };
        return { ...none, results: await bySender(result), superseded };
    }
    // Removed, but another label for the key remains: that one decides, if the remover may change it.
    const { chosen, skipped, superseded } = onePerKey(others, labelings);
    const remaining = chosen[0];
    if (!remaining)
        return { ...none, skipped, superseded };
    const past = expired(remaining, grammar.now);
    if (past)
        return { ...none, skipped: [...skipped, past], superseded };
    const [removedBy] = await bySender(remaining.result);
    if (!removedBy?.ok)
        return { ...none, results: removedBy ? [removedBy] : [], skipped, superseded };
    const results = await (0,_gate_js__WEBPACK_IMPORTED_MODULE_2__/* .applyGate */ .e)([{ result: remaining.result, actor: labelings.get(remaining.label)?.actor, verb: 'added' }], gate);
    return { ...none, results, skipped, superseded };
}
/**
 * Every expiry label the PR has now (a rerun replays the event's old payload, so they are read
 * live), one per key, each gated on who added it. An invalid label is reported and the others
 * still apply.
 */
async function readPullRequestLabels(pullRequest, grammar, reader, gate) {
    const labelsNow = await readLiveLabels(pullRequest, reader, grammar);
    const parsed = parseLabels(labelsNow, grammar);
    const labelings = await readLabelings(pullRequest, parsed, reader, gate);
    const { chosen, skipped: undecided, superseded } = onePerKey(parsed, labelings);
    // The newest label decides even when its time has passed: then nothing is left to do.
    const skipped = [...undecided];
    const current = chosen.filter((p) => {
        const past = expired(p, grammar.now);
        if (past)
            skipped.push(past);
        return !past;
    });
    const items = current.map(({ label, result }) => ({
        result: independentOf(result),
        actor: labelings?.get(label)?.actor,
        verb: 'added'
    }));
    return { results: await (0,_gate_js__WEBPACK_IMPORTED_MODULE_2__/* .applyGate */ .e)(items, gate), skipped, superseded, labelsNow };
}
/** An invalid label among others says how to fix it, and that the others went ahead. */
function independentOf(result) {
    if (result.ok)
        return result;
    const reason = `${result.invalid.reason}; fix or remove this label (it does not hold back the PR's other labels)`;
    return { ok: false, invalid: { ...result.invalid, reason } };
}


/***/ })

};

//# sourceMappingURL=315.index.js.map