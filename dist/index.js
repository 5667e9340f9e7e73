import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 7164:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ DASHBOARD_MARKER_START)
/* harmony export */ });
/**
 * The start of the dashboard issue's hidden marker: github/dashboard.ts writes it whole, and
 * run/trigger.ts (on index.ts's fast path, so free of imports) recognises an edit of it.
 */
const DASHBOARD_MARKER_START = '<!-- launchdarkly-expiring-targets dashboard ';


/***/ }),

/***/ 8453:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ neutralise)
/* harmony export */ });
/**
 * Text from outside (labels, inputs, answers from LaunchDarkly or GitHub) made inert for the
 * runner, which acts on `##[name]` anywhere in a line and on `::name::` at the start of a line
 * (after white space, with lines split on CR, LF or CRLF). A word joiner between the two
 * characters keeps the text readable and breaks the command. No imports: index.ts uses it.
 */
const WORD_JOINER = '\u2060';
function neutralise(text) {
    return text
        .replace(/##\[/g, `#${WORD_JOINER}#[`)
        .replace(/(^|[\r\n])([\s\u0085]*):(?=:)/g, `$1$2:${WORD_JOINER}`);
}


/***/ }),

/***/ 4294:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Lx: () => (/* binding */ targetId),
/* harmony export */   P1: () => (/* binding */ USER_KIND),
/* harmony export */   ff: () => (/* binding */ describeTarget)
/* harmony export */ });
const USER_KIND = 'user';
/** A map key for a target. */
function targetId(target) {
    return `${target.kind}:${target.key}`;
}
/** `user "sandy"`, `organization "acme"`: a target in a sentence. */
function describeTarget(target) {
    return `${target.kind} "${target.key}"`;
}


/***/ }),

/***/ 4320:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   jQ: () => (/* binding */ showInvisible),
/* harmony export */   kH: () => (/* binding */ INVISIBLE),
/* harmony export */   pk: () => (/* binding */ describeCodePoint)
/* harmony export */ });
/** Characters that should never pass unseen: control (C0, DEL, C1) and invisible format ones. */
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
/** `U+200B` for a zero-width space. */
function describeCodePoint(ch) {
    return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
/** Every invisible character written as its code point, so that it shows. */
function showInvisible(text) {
    return text.replace(new RegExp(INVISIBLE.source, 'gu'), describeCodePoint);
}


/***/ }),

/***/ 8807:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Aq: () => (/* binding */ isValidTimeZone),
/* harmony export */   BL: () => (/* binding */ LATEST_MS),
/* harmony export */   FL: () => (/* binding */ formatInZone),
/* harmony export */   Oc: () => (/* binding */ parseWhen),
/* harmony export */   ay: () => (/* binding */ formatUtc),
/* harmony export */   lv: () => (/* binding */ DATE_TIME),
/* harmony export */   vH: () => (/* binding */ DATE)
/* harmony export */ });
/* unused harmony exports isCalendarDate, offsetAt, zonedMidnight */
/**
 * The `<when>` part of an entry: a date, a date-time, an offset from now, or `never`.
 * Pure: the current time and the time zone are passed in.
 */
const HOUR = 3_600_000;
const UNIT_MS = { h: HOUR, d: 24 * HOUR, w: 7 * 24 * HOUR };
/** 9999-12-31T23:59:59.999Z: the last instant a four-digit year can write. */
const LATEST_MS = 253_402_300_799_999;
const VALID_WHEN = 'a date YYYY-MM-DD, a date-time with Z or an offset (2030-06-10T09:00:00Z, 2030-06-10T09:00+02:00), +N followed by h, d or w (+36h, +7d, +2w), or never';
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;
const RELATIVE = /^\+(\d{1,12})([A-Za-z]*)$/;
function parseWhen(text, context) {
    if (text === 'never')
        return { ok: true, when: { kind: 'never' } };
    if (text === '')
        return fail(`the time after @ is empty; use ${VALID_WHEN}`);
    if (text.startsWith('+') || text.startsWith('-'))
        return parseRelative(text, context);
    const date = DATE.exec(text);
    if (date) {
        const [year, month, day] = date.slice(1, 4).map(Number);
        if (!isCalendarDate(year, month, day))
            return fail(`${text} is not a calendar date`);
        return future(zonedMidnight(year, month, day, context.timeZone), text, context);
    }
    const dateTime = DATE_TIME.exec(text);
    if (dateTime)
        return parseDateTime(dateTime, text, context);
    if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) {
        return fail(`${text} has no time zone; add Z or an offset such as +02:00`);
    }
    return fail(`"${text}" is not a time; use ${VALID_WHEN}`);
}
function parseRelative(text, context) {
    if (text.startsWith('-'))
        return fail(`${text} is in the past; offsets start with + (+7d)`);
    const match = RELATIVE.exec(text);
    if (!match)
        return fail(`"${text}" is not an offset; use +N followed by h, d or w (+7d)`);
    const [, digits, unit] = match;
    const size = UNIT_MS[unit];
    if (size === undefined) {
        const shown = unit === '' ? 'no unit' : `unknown unit "${unit}"`;
        return fail(`${text} has ${shown}; use h (hours), d (days) or w (weeks), as in +7d`);
    }
    const count = Number(digits);
    if (count === 0)
        return fail(`${text} is not in the future; use an offset of at least +1${unit}`);
    return future(context.now + count * size, text, context);
}
function parseDateTime(match, text, context) {
    const [year, month, day, hour, minute] = match.slice(1, 6).map(Number);
    const second = Number(match[6] ?? '0');
    const millis = Number((match[7] ?? '0').padEnd(3, '0').slice(0, 3));
    const zone = match[8];
    if (!isCalendarDate(year, month, day))
        return fail(`${text} is not a calendar date`);
    if (hour > 23 || minute > 59 || second > 59)
        return fail(`${text} is not a valid time of day`);
    let offsetMinutes = 0;
    if (zone !== 'Z') {
        const sign = zone.startsWith('-') ? -1 : 1;
        const offsetHours = Number(zone.slice(1, 3));
        const offsetMins = Number(zone.slice(4, 6));
        if (offsetHours > 14 || offsetMins > 59)
            return fail(`${text} has an impossible UTC offset`);
        offsetMinutes = sign * (offsetHours * 60 + offsetMins);
    }
    const local = Date.UTC(year, month - 1, day, hour, minute, second, millis);
    return future(local - offsetMinutes * 60_000, text, context);
}
function future(epochMs, text, context) {
    if (!(epochMs > context.now) && !context.allowPast) {
        return fail(`${text} (${new Date(epochMs).toISOString()}) is not in the future`);
    }
    if (epochMs > LATEST_MS)
        return fail(`${text} is after the year 9999`);
    return { ok: true, when: { kind: 'at', epochMs } };
}
function fail(reason) {
    return { ok: false, reason };
}
function isCalendarDate(year, month, day) {
    if (month < 1 || month > 12 || day < 1)
        return false;
    return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
const formatters = new Map();
function formatter(timeZone) {
    let f = formatters.get(timeZone);
    if (!f) {
        f = new Intl.DateTimeFormat('en-US', {
            timeZone,
            hourCycle: 'h23',
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
            second: '2-digit'
        });
        formatters.set(timeZone, f);
    }
    return f;
}
function isValidTimeZone(timeZone) {
    if (timeZone === 'UTC')
        return true;
    if (timeZone === '' || timeZone.length > 64)
        return false;
    try {
        formatter(timeZone);
        return true;
    }
    catch {
        return false;
    }
}
function wallClock(epochMs, timeZone) {
    if (timeZone === 'UTC') {
        // Intl's first formatter costs ~10 ms (ICU data); UTC needs none of it.
        const d = new Date(epochMs);
        return {
            year: d.getUTCFullYear(),
            month: d.getUTCMonth() + 1,
            day: d.getUTCDate(),
            hour: d.getUTCHours(),
            minute: d.getUTCMinutes(),
            second: d.getUTCSeconds()
        };
    }
    const parts = {};
    for (const part of formatter(timeZone).formatToParts(epochMs)) {
        if (part.type !== 'literal')
            parts[part.type] = Number(part.value);
    }
    return {
        year: parts.year ?? 0,
        month: parts.month ?? 0,
        day: parts.day ?? 0,
        hour: parts.hour ?? 0,
        minute: parts.minute ?? 0,
        second: parts.second ?? 0
    };
}
/** The zone's offset from UTC, in milliseconds, at an instant. */
function offsetAt(epochMs, timeZone) {
    const w = wallClock(epochMs, timeZone);
    const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
    return asUtc - Math.floor(epochMs / 1000) * 1000;
}
/**
 * The first instant of a calendar day in a zone. When DST skips midnight (Santiago, Havana,
 * Beirut), the day starts when the clock jumps: 00:00 is pushed forward by the gap, as
 * Temporal's "compatible" disambiguation does. When midnight happens twice, the earlier one.
 */
function zonedMidnight(year, month, day, timeZone) {
    const wall = Date.UTC(year, month - 1, day);
    const before = offsetAt(wall - 86_400_000, timeZone);
    const after = offsetAt(wall + 86_400_000, timeZone);
    const candidates = [wall - before, wall - after].filter((t) => t + offsetAt(t, timeZone) === wall);
    if (candidates.length > 0)
        return Math.min(...candidates);
    // Midnight falls in a gap: the offset before the gap, applied after the jump.
    return wall - before;
}
/** `2030-06-10 02:00` (wall clock in the zone) and the offset, `UTC+02:00`. */
function formatInZone(epochMs, timeZone) {
    const w = wallClock(epochMs, timeZone);
    const pad = (n) => String(n).padStart(2, '0');
    const offset = offsetAt(epochMs, timeZone) / 60_000;
    const sign = offset < 0 ? '-' : '+';
    const abs = Math.abs(offset);
    const date = `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
    return `${date} (UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)})`;
}
function formatUtc(epochMs) {
    return new Date(epochMs)
        .toISOString()
        .replace('T', ' ')
        .replace(/:\d{2}\.\d{3}Z$/, ' UTC');
}


/***/ }),

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _run_event_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9117);
/* harmony import */ var _core_neutralise_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(8453);
/* harmony import */ var _report_outputs_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(5468);
/* harmony import */ var _run_trigger_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(89);
/**
 * Entry point. Decides before loading anything heavy: an event for an unrelated label (the most
 * common run), or a comment that is not a slash command for us, exits here, so it costs little
 * more than Node's own start-up.
 */





let event;
let unreadable;
let trigger = { kind: 'other' };
const prefix = process.env['INPUT_LABEL-PREFIX']?.trim() || _run_trigger_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_PREFIX */ .Nf;
const command = process.env['INPUT_SLASH-COMMAND']?.trim() || _run_trigger_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_SLASH_COMMAND */ .iR;
try {
    event = (0,_run_event_js__WEBPACK_IMPORTED_MODULE_1__/* .readRawEvent */ .z)();
    trigger = (0,_run_trigger_js__WEBPACK_IMPORTED_MODULE_3__/* .classify */ .L8)(event.name, event.payload, prefix, command);
}
catch (error) {
    unreadable = error;
}
if (unreadable) {
    // @actions/github would throw on the same file when main loads it: say so here, inertly.
    const log = await Promise.all(/* import() */[__nccwpck_require__.e(143), __nccwpck_require__.e(227)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1227));
    log.fail(unreadable.message);
}
else if (trigger.kind === 'unrelated-label' ||
    trigger.kind === 'ignored-comment' ||
    trigger.kind === 'ignored-issue') {
    const message = trigger.kind === 'unrelated-label'
        ? (0,_run_trigger_js__WEBPACK_IMPORTED_MODULE_3__/* .unrelatedLabelMessage */ .MH)(trigger.label, prefix)
        : (0,_run_trigger_js__WEBPACK_IMPORTED_MODULE_3__/* .ignoredCommentMessage */ .zD)(trigger.reason);
    process.stdout.write((0,_core_neutralise_js__WEBPACK_IMPORTED_MODULE_4__/* .neutralise */ .$)(`${message}\n`));
    if (process.env.GITHUB_OUTPUT) {
        const lines = Object.entries(_report_outputs_js__WEBPACK_IMPORTED_MODULE_2__/* .EMPTY_OUTPUTS */ .Jd).map(([name, value]) => `${name}=${value}\n`);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(process.env.GITHUB_OUTPUT, lines.join(''));
    }
}
else {
    const { run } = await Promise.all(/* import() */[__nccwpck_require__.e(143), __nccwpck_require__.e(663), __nccwpck_require__.e(315)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5315));
    await run(event && { event, trigger });
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 5468:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Jd: () => (/* binding */ EMPTY_OUTPUTS),
/* harmony export */   Yz: () => (/* binding */ outputsOf)
/* harmony export */ });
/* unused harmony export OUTPUT_NAMES */
/** The outputs of a run that sent nothing. */
const EMPTY_OUTPUTS = {
    'total-instructions': '0',
    'successful-instructions': '0',
    'failed-instructions': '0',
    errors: '[]',
    instructions: '[]',
    'comment-url': '',
    swept: '0',
    drift: '[]',
    due: '[]'
};
const OUTPUT_NAMES = Object.keys(EMPTY_OUTPUTS);
function outputsOf(report, commentUrl = '') {
    if (report.fatal)
        return { ...EMPTY_OUTPUTS, 'comment-url': commentUrl };
    return {
        'total-instructions': String(report.totals.totalInstructions),
        'successful-instructions': String(report.totals.successfulInstructions),
        'failed-instructions': String(report.totals.failedInstructions),
        errors: JSON.stringify(report.errors),
        instructions: JSON.stringify(report.instructions.map(({ container, ...sent }) => ({
            [`${container.kind}Key`]: container.key,
            environmentKey: container.environmentKey,
            ...sent
        }))),
        'comment-url': commentUrl,
        swept: String(report.swept ?? 0),
        drift: JSON.stringify(report.drift ?? []),
        due: JSON.stringify(report.digest?.due ?? [])
    };
}


/***/ }),

/***/ 9117:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ readRawEvent)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/**
 * The GitHub event the runner hands us, read from the environment once. Free of heavy imports:
 * `index.ts` reads it before deciding whether to load the rest.
 */

function readRawEvent(env = process.env) {
    const name = env.GITHUB_EVENT_NAME ?? '';
    const path = env.GITHUB_EVENT_PATH;
    if (!path)
        return { name, payload: {} };
    try {
        return { name, payload: JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8')) };
    }
    catch (error) {
        throw new Error(`Could not read the event payload at GITHUB_EVENT_PATH: ${error.message}`, { cause: error });
    }
}


/***/ }),

/***/ 89:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   L8: () => (/* binding */ classify),
/* harmony export */   MH: () => (/* binding */ unrelatedLabelMessage),
/* harmony export */   Nf: () => (/* binding */ DEFAULT_PREFIX),
/* harmony export */   iR: () => (/* binding */ DEFAULT_SLASH_COMMAND),
/* harmony export */   m_: () => (/* binding */ PULL_REQUEST_EVENTS),
/* harmony export */   zD: () => (/* binding */ ignoredCommentMessage)
/* harmony export */ });
/* unused harmony export commandArgs */
/* harmony import */ var _core_markers_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7164);
/* harmony import */ var _sources_grammar_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2851);
/**
 * What the GitHub event asks of the action. Kept free of heavy imports: `index.ts` uses it to
 * leave at once on an unrelated label, before Octokit or zod are loaded. It reads only the
 * event's action and label name, defensively; the parts of the payload used later are validated
 * with zod in `pull-request.ts`.
 */


const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);
const DEFAULT_PREFIX = 'expire-user:';
const DEFAULT_SLASH_COMMAND = '/expire';
/** The whole of an unrelated label's run. */
function unrelatedLabelMessage(label, prefix) {
    return `Label ${JSON.stringify(label)} does not start with ${JSON.stringify(prefix)}: nothing to do.`;
}
function classify(eventName, payload, prefix, command = DEFAULT_SLASH_COMMAND) {
    if (eventName === 'issue_comment')
        return classifyComment(payload, command);
    if (eventName === 'issues')
        return classifyIssue(payload);
    if (!PULL_REQUEST_EVENTS.has(eventName) || !isObject(payload))
        return { kind: 'other' };
    const action = typeof payload.action === 'string' ? payload.action : '';
    if (action === 'labeled' || action === 'unlabeled') {
        const label = isObject(payload.label) ? payload.label.name : undefined;
        if (typeof label !== 'string')
            return { kind: 'unrelated-label', action, label: '' };
        return (0,_sources_grammar_js__WEBPACK_IMPORTED_MODULE_0__/* .relatesToPrefix */ .wJ)(label, prefix)
            ? { kind: 'label', action, label }
            : { kind: 'unrelated-label', action, label };
    }
    return { kind: 'pull-request', action };
}
/**
 * An issue_comment event: a command only when it was just created, by a person, and its first
 * line starts (after white space) with the command word followed by white space or nothing.
 */
function classifyComment(payload, command) {
    if (!isObject(payload))
        return { kind: 'ignored-comment', reason: 'The event has no comment' };
    const action = typeof payload.action === 'string' ? payload.action : '';
    if (action !== 'created')
        return {
            kind: 'ignored-comment',
            reason: `The comment was ${action || 'changed'}, not created`
        };
    const comment = isObject(payload.comment) ? payload.comment : {};
    const user = isObject(comment.user) ? comment.user : {};
    if (user.type === 'Bot')
        return { kind: 'ignored-comment', reason: 'The comment is by a bot' };
    const args = commandArgs(typeof comment.body === 'string' ? comment.body : '', command);
    if (!args) {
        return {
            kind: 'ignored-comment',
            reason: `The comment does not start with ${JSON.stringify(command)}`
        };
    }
    const help = args.length === 0 || (args.length === 1 && args[0] === 'help');
    return { kind: 'slash-command', args: help ? [] : args, help };
}
/**
 * An issues event: an edit is the dashboard's only when its body carries the dashboard's marker,
 * and any other edit exits at once. Whether it is really ours (its author, its key) is checked later, against GitHub.
 */
function classifyIssue(payload) {
    if (!isObject(payload))
        return { kind: 'other' };
    const action = typeof payload.action === 'string' ? payload.action : '';
    // Only edits concern the dashboard; other issues events run as any other event does.
    if (action !== 'edited')
        return { kind: 'other' };
    const issue = isObject(payload.issue) ? payload.issue : {};
    const body = typeof issue.body === 'string' ? issue.body : '';
    if (!body.includes(_core_markers_js__WEBPACK_IMPORTED_MODULE_1__/* .DASHBOARD_MARKER_START */ .F))
        return { kind: 'ignored-issue', reason: 'The edited issue is not the dashboard' };
    // A box is ticked in the body: an edit of the title alone changes nothing for us.
    const changes = isObject(payload.changes) ? payload.changes : {};
    if (!isObject(changes.body))
        return { kind: 'ignored-issue', reason: "The edit did not change the dashboard's body" };
    return { kind: 'dashboard-edit' };
}
/**
 * The words after the command on the body's first line; undefined when it is not the command.
 * The whole line is read (GitHub keeps a comment under 65,536 characters): a line cut short could
 * end in a different, valid entry.
 */
function commandArgs(body, command) {
    const first = body.split(/\r\n|\n|\r/, 1)[0] ?? '';
    const line = first.replace(/^\s+/u, '');
    if (command === '' || !line.startsWith(command))
        return undefined;
    const rest = line.slice(command.length);
    if (rest !== '' && !/^\s/u.test(rest))
        return undefined;
    return rest.split(/\s+/u).filter((word) => word !== '');
}
/** The whole of an ignored comment's run. */
function ignoredCommentMessage(reason) {
    return `${reason}: nothing to do.`;
}
function isObject(value) {
    return typeof value === 'object' && value !== null;
}


/***/ }),

/***/ 2851:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ad: () => (/* binding */ rejectRepeatedKeys),
/* harmony export */   ER: () => (/* binding */ parseEntry),
/* harmony export */   N5: () => (/* binding */ MAX_ENTRY_LENGTH),
/* harmony export */   Sx: () => (/* binding */ parseTargets),
/* harmony export */   Tc: () => (/* binding */ checkUserKey),
/* harmony export */   ml: () => (/* binding */ shorten),
/* harmony export */   wJ: () => (/* binding */ relatesToPrefix)
/* harmony export */ });
/* unused harmony exports EXAMPLE, skeleton, formatEntry */
/* harmony import */ var _core_target_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4294);
/* harmony import */ var _core_unicode_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4320);
/* harmony import */ var _core_when_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8807);



const MAX_ENTRY_LENGTH = 512;
const SHOWN_LENGTH = 80;
const EXAMPLE_DATE = '2030-06-10';
const EXAMPLE = `sandy@${EXAMPLE_DATE}`;
const WHITESPACE = /\s/u;
/** Characters that render like ASCII ones in common fonts; NFKC covers full-width forms. */
const LOOK_ALIKES = {
    '\u0430': 'a', '\u0435': 'e', '\u043e': 'o', '\u0440': 'p', '\u0441': 'c', '\u0443': 'y',
    '\u0445': 'x', '\u0456': 'i', '\u0458': 'j', '\u0455': 's', '\u04bb': 'h', '\u0501': 'd',
    '\u0410': 'A', '\u0412': 'B', '\u0415': 'E', '\u041a': 'K', '\u041c': 'M', '\u041d': 'H',
    '\u041e': 'O', '\u0420': 'P', '\u0421': 'C', '\u0422': 'T', '\u0425': 'X', '\u0406': 'I',
    '\u03bf': 'o', '\u03b1': 'a', '\u03b5': 'e', '\u03bd': 'v', '\u03c1': 'p', '\u0391': 'A',
    '\u0392': 'B', '\u0395': 'E', '\u0397': 'H', '\u0399': 'I', '\u039a': 'K', '\u039c': 'M',
    '\u039d': 'N', '\u039f': 'O', '\u03a1': 'P', '\u03a4': 'T', '\u03a7': 'X', '\u0131': 'i',
    '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-',
    '\u2212': '-', '\u2236': ':', '\ua789': ':', '\u02d0': ':', '\u0589': ':', '\u05c3': ':'
}; // prettier-ignore
/** An approximation of Unicode's confusable skeleton, enough to catch disguised prefixes. */
function skeleton(text) {
    let out = '';
    for (const ch of text.normalize('NFKC'))
        out += LOOK_ALIKES[ch] ?? ch;
    return out.toLowerCase();
}
/**
 * A label "relates" to the prefix when it starts with it, also in another case or with
 * look-alike characters: those reach the grammar, which explains what is wrong with them.
 */
function relatesToPrefix(label, prefix) {
    return skeleton(label.trim()).startsWith(skeleton(prefix));
}
function shorten(text) {
    return text.length > SHOWN_LENGTH
        ? `${text.slice(0, SHOWN_LENGTH)}… (${text.length} chars)`
        : text;
}
function parseEntry(raw, origin, context) {
    const source = shorten(raw.trim());
    const invalid = (reason) => ({
        ok: false,
        invalid: { source, origin, reason }
    });
    if (raw.length > MAX_ENTRY_LENGTH) {
        return invalid(`it is ${raw.length} characters long; an entry has at most ${MAX_ENTRY_LENGTH}`);
    }
    let text = raw.trim();
    const hidden = _core_unicode_js__WEBPACK_IMPORTED_MODULE_1__/* .INVISIBLE */ .kH.exec(text);
    if (hidden) {
        return invalid(`it contains an invisible or control character (${(0,_core_unicode_js__WEBPACK_IMPORTED_MODULE_1__/* .describeCodePoint */ .pk)(hidden[0])}); retype it as plain text`);
    }
    const { prefix } = context;
    if (text.startsWith(prefix)) {
        text = text.slice(prefix.length);
    }
    else if (text.toLowerCase().startsWith(prefix.toLowerCase())) {
        return invalid(`the prefix must be written exactly "${prefix}", in that case`);
    }
    else if (skeleton(text).startsWith(skeleton(prefix))) {
        return invalid(`it starts with a look-alike of the prefix "${prefix}"; retype it in plain ASCII`);
    }
    const at = text.lastIndexOf('@');
    if (at < 0) {
        const lookAlike = /[\uff20\ufe6b]/.test(text) ? ' (it has a look-alike of @, not @ itself)' : '';
        return invalid(`it has no @<when>${lookAlike}; write <user key>@<when>, as in ${EXAMPLE}`);
    }
    const written = text.slice(0, at);
    const whenText = text.slice(at + 1);
    const keyProblem = checkUserKey(written);
    if (keyProblem)
        return invalid(keyProblem);
    // `sandy@example.com`: an email key without its time; the key would be cut at its own @.
    const dateless = looksLikeDomain(whenText)
        ? `"${shorten(whenText)}" is not a time: keys with an @ need a trailing @<when>, as in ${shorten(`${raw.trim()}@${EXAMPLE_DATE}`)}`
        : undefined;
    const key = context.aliases?.get(written);
    const named = key === undefined ? {} : { alias: written };
    const target = { kind: context.kind ?? _core_target_js__WEBPACK_IMPORTED_MODULE_2__/* .USER_KIND */ .P1, key: key ?? written };
    if (context.intent === 'cancel') {
        // Such a label never scheduled anything: taking it off must not cancel the key before its @.
        if (dateless && !(0,_core_when_js__WEBPACK_IMPORTED_MODULE_0__/* .parseWhen */ .Oc)(whenText, { ...context, allowPast: true }).ok) {
            return invalid(dateless);
        }
        return { ok: true, entry: { target, when: { kind: 'never' }, source, origin, ...named } };
    }
    const when = (0,_core_when_js__WEBPACK_IMPORTED_MODULE_0__/* .parseWhen */ .Oc)(whenText, { ...context, allowPast: context.intent === 'reapply' });
    if (!when.ok)
        return invalid(dateless ?? when.reason);
    return { ok: true, entry: { target, when: when.when, source, origin, ...named } };
}
/** The part after the last @ reads as an email's domain (`example.com`), not as a time. */
function looksLikeDomain(text) {
    return /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*$/i.test(text);
}
/** Why a key cannot be a key (white space, commas, disguised letters), or undefined. */
function checkUserKey(userKey) {
    if (userKey === '')
        return `the user key before @ is empty; write <user key>@<when>, as in ${EXAMPLE}`;
    if (WHITESPACE.test(userKey)) {
        return `the user key "${userKey}" contains white space; user keys have none (one entry per line)`;
    }
    if (userKey.includes(',')) {
        return `the user key "${userKey}" contains a comma; put one entry per line instead of a list`;
    }
    if (/[a-z]/i.test(userKey)) {
        const disguised = [...userKey].find((ch) => LOOK_ALIKES[ch] !== undefined);
        if (disguised) {
            return `the user key "${userKey}" mixes Latin letters with the look-alike ${(0,_core_unicode_js__WEBPACK_IMPORTED_MODULE_1__/* .describeCodePoint */ .pk)(disguised)}; retype it in plain text`;
        }
    }
    return undefined;
}
/** The canonical text of an entry; `parseEntry(formatEntry(e))` gives `e` back. */
function formatEntry(entry, prefix) {
    const when = entry.when.kind === 'never' ? 'never' : new Date(entry.when.epochMs).toISOString();
    return `${prefix}${entry.target.key}@${when}`;
}
/**
 * The `targets` input: one entry per line; blank lines and lines starting with `#` are ignored;
 * the prefix is optional.
 */
function parseTargets(input, context) {
    const results = [];
    input.split(/\r\n|\n|\r/).forEach((line, index) => {
        const trimmed = line.trim();
        if (trimmed === '' || trimmed.startsWith('#'))
            return;
        results.push(parseEntry(line, `targets line ${index + 1}`, context));
    });
    return results;
}
/**
 * The same target twice on one (flag, environment) would send conflicting instructions: every
 * repeat is invalid. Entries without a scope apply to `runScope` (undefined: to everything).
 */
function rejectRepeatedKeys(results, runScope) {
    const seen = new Map();
    return results.map((result) => {
        if (!result.ok)
            return result;
        const id = (0,_core_target_js__WEBPACK_IMPORTED_MODULE_2__/* .targetId */ .Lx)(result.entry.target);
        const scope = result.entry.scope ?? runScope;
        const earlier = seen.get(id)?.find((e) => overlaps(e.scope ?? runScope, scope));
        if (!earlier) {
            seen.set(id, [...(seen.get(id) ?? []), result.entry]);
            return result;
        }
        const { source, origin, target } = result.entry;
        const reason = `${target.kind} "${target.key}" is already listed at ${earlier.origin}; list each ${target.kind} once per flag and environment`;
        return { ok: false, invalid: { source, origin, reason } };
    });
}
function overlaps(a, b) {
    if (!a || !b)
        return true;
    const segments = (s) => s.segmentKeys ?? [];
    return ((a.flagKeys.some((f) => b.flagKeys.includes(f)) ||
        segments(a).some((k) => segments(b).includes(k))) &&
        a.environmentKeys.some((e) => b.environmentKeys.includes(e)));
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

//# sourceMappingURL=index.js.map