export const id = 463;
export const ids = [463];
export const modules = {

/***/ 6463:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseTargetsFile: () => (/* binding */ parseTargetsFile)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5491);
/* harmony import */ var _core_keys_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1483);
/* harmony import */ var _core_target_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4294);
/* harmony import */ var _core_unicode_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4320);
/* harmony import */ var _grammar_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2851);
/* harmony import */ var _core_when_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8807);
/**
 * The targets file: a reviewed YAML list of scheduled removals, each for some flags in some
 * environments. Pure: the text, the clock, the time zone and the defaults are passed in. Every
 * problem is an invalid result naming `<path> line N` and what would be valid; YAML 1.2 core
 * schema only, so `2030-06-10` stays the string that was reviewed.
 */







const VALID_REMOVE_AT = 'a date (2030-06-10), an ISO date-time with Z or an offset (2030-06-10T09:00:00Z), or never';
/** The shapes parseWhen reads or explains (a date, a date-time with or without a zone). */
const TIME_LIKE = [_core_when_js__WEBPACK_IMPORTED_MODULE_2__/* .DATE */ .vH, _core_when_js__WEBPACK_IMPORTED_MODULE_2__/* .DATE_TIME */ .lv, /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/];
const FILE_FIELDS = 'version, aliases and targets';
const ITEM_FIELDS = 'flag, flags, environment, environments, user, context, remove-at and variation';
/** A YAML value as a message shows it. */
function shown(value) {
    if (value === undefined || value === null)
        return 'empty';
    if (typeof value === 'string')
        return `"${(0,_grammar_js__WEBPACK_IMPORTED_MODULE_1__/* .shorten */ .ml)(value)}"`;
    if (Array.isArray(value))
        return 'a list';
    if (value instanceof Date)
        return 'a timestamp';
    if (typeof value === 'number' || typeof value === 'boolean') {
        return `the ${typeof value} ${String(value)}`;
    }
    return typeof value === 'object' ? 'a mapping' : typeof value;
}
function keyList(noun, input) {
    const one = zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP({ error: (iss) => `a ${noun} key must be a string, not ${shown(iss.input)}` })
        .max(256, { error: `a ${noun} key has at most 256 characters` })
        .regex(_core_keys_js__WEBPACK_IMPORTED_MODULE_4__/* .KEY */ ._, {
        error: (iss) => `${shown(iss.input)} is not a ${noun} key; ${noun} keys may only contain ${_core_keys_js__WEBPACK_IMPORTED_MODULE_4__/* .KEY_RULE */ .Z3}`
    });
    const many = zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(one, {
        error: (iss) => `${noun}s must be a list of ${noun} keys ([a, b]), not ${shown(iss.input)}`
    })
        .min(1, {
        error: `${noun}s is empty; list at least one ${noun} key, or leave it out to use the ${input} input`
    });
    return { one: one.optional(), many: many.optional() };
}
/**
 * A user or context key, an alias's value: a string, so that what is reviewed is what is sent.
 * `field` names it in messages; `name` is its YAML key.
 */
function writtenKey(field, name = field) {
    return zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP({
        error: (iss) => iss.input === undefined
            ? `${field} is missing; write ${name}: <key>`
            : typeof iss.input === 'number' || typeof iss.input === 'boolean'
                ? `${field} is ${shown(iss.input)}, not a string; quote it (${name}: "${String(iss.input)}") so that the key sent is the text reviewed`
                : `${field} must be a key written as a string, not ${shown(iss.input)}`
    })
        .superRefine((key, ctx) => {
        const hidden = _core_unicode_js__WEBPACK_IMPORTED_MODULE_5__/* .INVISIBLE */ .kH.exec(key);
        const problem = key === ''
            ? `${field} is empty; write ${name}: <key>`
            : key.length > _grammar_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_ENTRY_LENGTH */ .N5
                ? `${field} is ${key.length} characters long; a key has at most ${_grammar_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_ENTRY_LENGTH */ .N5}`
                : hidden
                    ? `${field} contains an invisible or control character (${(0,_core_unicode_js__WEBPACK_IMPORTED_MODULE_5__/* .describeCodePoint */ .pk)(hidden[0])}); retype it as plain text`
                    : (0,_grammar_js__WEBPACK_IMPORTED_MODULE_1__/* .checkUserKey */ .Tc)(key);
        if (problem)
            ctx.addIssue({ code: 'custom', message: problem });
    });
}
function strict(shape, what, example, fields) {
    return zod__WEBPACK_IMPORTED_MODULE_3__/* .strictObject */ .rej(shape, {
        error: (iss) => iss.code === 'unrecognized_keys'
            ? `${what} has the fields ${fields}`
            : `${what} must be a mapping (${example}), not ${shown(iss.input)}`
    });
}
const flags = keyList('flag', 'flag-key');
const environments = keyList('environment', 'environment-key');
const kind = zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP({
    error: (iss) => `context.kind must be a context kind written as a string, not ${shown(iss.input)}`
})
    .regex(_core_keys_js__WEBPACK_IMPORTED_MODULE_4__/* .CONTEXT_KIND */ .R$, {
    error: (iss) => `context.kind ${shown(iss.input)} may only contain letters, digits, ".", "_" and "-"`
})
    .refine((k) => !_core_keys_js__WEBPACK_IMPORTED_MODULE_4__/* .RESERVED_KINDS */ .bZ.includes(k), {
    error: (iss) => `context.kind cannot be ${shown(iss.input)}; write a kind such as organization, or use user: <key>`
});
const itemSchema = strict({
    flag: flags.one,
    flags: flags.many,
    environment: environments.one,
    environments: environments.many,
    user: writtenKey('user').optional(),
    context: strict({ kind, key: writtenKey('context.key', 'key') }, 'context', '{ kind: organization, key: acme }', 'kind and key').optional(),
    'remove-at': zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP({
        error: (iss) => iss.input === undefined
            ? `remove-at is missing; write remove-at: ${VALID_REMOVE_AT}`
            : `remove-at is ${shown(iss.input)}; write ${VALID_REMOVE_AT}`
    }),
    variation: zod__WEBPACK_IMPORTED_MODULE_3__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_3__/* .boolean */ .zMY(), zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig()], {
        error: (iss) => `variation must be a variation's _id, name or JSON value (Enabled, true), not ${shown(iss.input)}`
    })
        .optional()
}, 'an item of targets', 'flag: …, user: …, remove-at: …', ITEM_FIELDS);
const fileSchema = strict({
    version: zod__WEBPACK_IMPORTED_MODULE_3__/* .literal */ .euz(1, {
        error: (iss) => iss.input === undefined
            ? 'version is missing; write version: 1 at the top of the file'
            : `version is ${shown(iss.input)}; this action reads version 1 only: write version: 1`
    }),
    aliases: zod__WEBPACK_IMPORTED_MODULE_3__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().regex(_core_keys_js__WEBPACK_IMPORTED_MODULE_4__/* .KEY */ ._, {
        error: (iss) => `the alias name ${shown(iss.input)} may only contain ${_core_keys_js__WEBPACK_IMPORTED_MODULE_4__/* .KEY_RULE */ .Z3}`
    }), zod__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5J(), { error: (iss) => `aliases must be a mapping of alias: key, not ${shown(iss.input)}` })
        .superRefine((record, ctx) => {
        for (const [name, value] of Object.entries(record)) {
            const key = writtenKey(`the alias ${name}`, name).safeParse(value);
            for (const { message } of key.error?.issues ?? []) {
                ctx.addIssue({ code: 'custom', message, path: [name] });
            }
        }
    })
        .optional(),
    targets: zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5J(), {
        error: (iss) => iss.input === undefined
            ? 'targets is missing; write targets: followed by a list of items (- flag: …)'
            : `targets must be a list of items (- flag: …), not ${shown(iss.input)}`
    })
}, 'the file', 'version: 1, targets: […]', FILE_FIELDS);
/** zod's issues as problems, one per unknown field, at paths below `base`. */
function problemsOf(error, base) {
    return error.issues.flatMap((issue) => {
        const path = [...base, ...issue.path];
        if (issue.code === 'unrecognized_keys') {
            return issue.keys.map((key) => ({
                path: [...path, key],
                message: `unknown field "${key}"; ${issue.message}`,
                atKey: true
            }));
        }
        if (issue.code === 'invalid_key') {
            return [{ path, message: issue.issues.map((i) => i.message).join('; '), atKey: true }];
        }
        return [{ path, message: issue.message }];
    });
}
/** The offset of the node at a path, or of the nearest parent that exists. */
function offsetAt(doc, path, atKey = false) {
    let node = doc.contents;
    let offset = 0;
    const start = (n) => n?.range?.[0];
    offset = start(node) ?? offset;
    for (const [index, segment] of path.entries()) {
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
            const pair = node.items.find((p) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(p.key) && String(p.key.value) === String(segment));
            if (!pair)
                break;
            const keyStart = start(pair.key) ?? offset;
            if (atKey && index === path.length - 1)
                return keyStart;
            node = pair.value;
            offset = start(node) ?? keyStart;
        }
        else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
            node = node.items[segment];
            offset = start(node) ?? offset;
        }
        else
            break;
    }
    return offset;
}
function parseTargetsFile(text, context) {
    const { path } = context;
    const aliases = new Map();
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const lines = text.split('\n');
    // yaml puts an unclosed quote or bracket at the end of the text: keep it on a written line.
    const lastLine = Math.max(1, text.trimEnd().split('\n').length);
    const lineOf = (offset) => Math.min(lineCounter.linePos(offset).line, lastLine);
    const fileProblem = (line, reason) => ({
        ok: false,
        invalid: { source: path, origin: `${path} line ${line}`, reason }
    });
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, {
        lineCounter,
        version: '1.2',
        schema: 'core',
        uniqueKeys: true,
        logLevel: 'error'
    });
    const yamlProblems = [...doc.errors, ...doc.warnings].map((e) => {
        const what = e.code === 'DUPLICATE_KEY'
            ? 'a mapping has the same key twice; write each key once'
            : `${e.message.replace(/ at line \d+, column \d+:[\s\S]*$/, '')}; fix the YAML so it parses`;
        return fileProblem(lineOf(e.pos[0]), `it is not valid YAML: ${what}`);
    });
    if (yamlProblems.length > 0)
        return { aliases, results: yamlProblems };
    if (doc.contents === null) {
        return {
            aliases,
            results: [fileProblem(1, 'the file is empty; write version: 1 and a targets list')]
        };
    }
    const toResult = (problems, source) => {
        // In file order: the first problem's line is the origin; the others say theirs.
        const placed = problems
            .map((p) => ({ ...p, line: lineOf(offsetAt(doc, p.path, p.atKey)) }))
            .sort((a, b) => a.line - b.line);
        const line = placed[0]?.line ?? 1;
        const reason = placed
            .map((p) => (p.line === line ? p.message : `line ${p.line}: ${p.message}`))
            .join('; ');
        const shownSource = source ?? (0,_grammar_js__WEBPACK_IMPORTED_MODULE_1__/* .shorten */ .ml)((lines[line - 1] ?? '').trim());
        return { ok: false, invalid: { source: shownSource, origin: `${path} line ${line}`, reason } };
    };
    let value;
    try {
        value = doc.toJS();
    }
    catch (error) {
        // Too many YAML aliases (*name): a resource-exhaustion guard.
        return { aliases, results: [fileProblem(1, `it cannot be read: ${error.message}`)] };
    }
    const file = fileSchema.safeParse(value);
    if (!file.success) {
        const results = problemsOf(file.error, []).map((p) => toResult([p], path));
        return { aliases, results };
    }
    for (const [name, key] of Object.entries(file.data.aliases ?? {}))
        aliases.set(name, key);
    const listed = [];
    const results = file.data.targets.map((raw, index) => {
        const base = ['targets', index];
        const origin = `${path} line ${lineOf(offsetAt(doc, base))}`;
        const parsed = itemSchema.safeParse(raw);
        if (!parsed.success)
            return toResult(problemsOf(parsed.error, base), sourceOf(raw));
        const problems = [];
        const entry = toEntry(parsed.data, base, origin, context, aliases, problems);
        if (!entry)
            return toResult(problems, sourceOf(raw));
        const clash = listed.map((e) => [e, overlap(e, entry)]).find(([, o]) => o);
        if (clash) {
            const [earlier, [flag, environment] = []] = clash;
            const { kind: k, key } = entry.target;
            const written = entry.alias === undefined ? '' : ` (alias ${entry.alias})`;
            const reason = `${k} "${key}"${written} is already listed at ${earlier.origin} for flag "${flag}" in environment "${environment}"; list each ${k} once per flag and environment`;
            return { ok: false, invalid: { source: entry.source, origin, reason } };
        }
        listed.push(entry);
        return { ok: true, entry };
    });
    return { aliases, results };
}
function toEntry(item, base, origin, context, aliases, problems) {
    const problem = (path, message) => {
        problems.push({ path: [...base, ...path], message });
    };
    const list = (one, input, defaults) => {
        const many = `${one}s`;
        if (item[one] !== undefined && item[many] !== undefined) {
            problem([many], `give ${one} or ${many}, not both`);
        }
        const keys = item[many] ?? (item[one] === undefined ? defaults : [item[one]]);
        if (keys.length === 0) {
            problem([], `give ${one}: <key> or ${many}: [<key>, …]; the ${input} input is empty, so there is no default`);
        }
        keys.forEach((key, i) => {
            if (keys.indexOf(key) !== i)
                problem([many, i], `${many} lists "${key}" twice; list it once`);
        });
        return [...keys];
    };
    const flagKeys = list('flag', 'flag-key', context.defaultFlags);
    const environmentKeys = list('environment', 'environment-key', context.defaultEnvironments);
    if (item.user !== undefined && item.context !== undefined) {
        problem(['context'], 'give user: <key> or context: { kind, key }, not both');
    }
    else if (item.user === undefined && item.context === undefined) {
        problem([], 'give user: <key> or context: { kind: organization, key: acme }');
    }
    const removeAt = item['remove-at'];
    let when;
    if (removeAt.startsWith('+') || removeAt.startsWith('-')) {
        problem(['remove-at'], `relative times move on every run; write ${VALID_REMOVE_AT}`);
    }
    else if (removeAt !== 'never' && !TIME_LIKE.some((shape) => shape.test(removeAt))) {
        problem(['remove-at'], `remove-at ${shown(removeAt)} is not a time; write ${VALID_REMOVE_AT}`);
    }
    else {
        const parsed = (0,_core_when_js__WEBPACK_IMPORTED_MODULE_2__/* .parseWhen */ .Oc)(removeAt, {
            now: context.now,
            timeZone: context.timeZone,
            allowPast: true
        });
        if (parsed.ok)
            when = parsed.when;
        else
            problem(['remove-at'], `remove-at: ${parsed.reason}`);
    }
    if (problems.length > 0 || when === undefined)
        return undefined;
    const written = item.context?.key ?? item.user ?? '';
    const key = aliases.get(written);
    const target = { kind: item.context?.kind ?? _core_target_js__WEBPACK_IMPORTED_MODULE_6__/* .USER_KIND */ .P1, key: key ?? written };
    const entry = {
        target,
        when,
        source: sourceOf(item) ?? written,
        origin,
        scope: { flagKeys, environmentKeys }
    };
    if (key !== undefined)
        entry.alias = written;
    if (item.variation !== undefined) {
        entry.variation =
            typeof item.variation === 'string' ? item.variation : JSON.stringify(item.variation);
    }
    return entry;
}
/** `<key>@<remove-at>` or `<kind>:<key>@<remove-at>`, as written; undefined without a key. */
function sourceOf(raw) {
    if (typeof raw !== 'object' || raw === null)
        return undefined;
    const { user, context, 'remove-at': removeAt } = raw;
    const { kind, key } = (typeof context === 'object' && context !== null ? context : {});
    const written = typeof user === 'string'
        ? user
        : typeof key === 'string'
            ? `${typeof kind === 'string' ? kind : '?'}:${key}`
            : undefined;
    if (written === undefined)
        return undefined;
    return (0,_grammar_js__WEBPACK_IMPORTED_MODULE_1__/* .shorten */ .ml)(typeof removeAt === 'string' ? `${written}@${removeAt}` : written);
}
/** A flag and an environment both entries are for, when they are for the same target. */
function overlap(a, b) {
    if ((0,_core_target_js__WEBPACK_IMPORTED_MODULE_6__/* .targetId */ .Lx)(a.target) !== (0,_core_target_js__WEBPACK_IMPORTED_MODULE_6__/* .targetId */ .Lx)(b.target) || !a.scope || !b.scope)
        return undefined;
    const flag = a.scope.flagKeys.find((k) => b.scope?.flagKeys.includes(k));
    const environment = a.scope.environmentKeys.find((k) => b.scope?.environmentKeys.includes(k));
    return flag !== undefined && environment !== undefined ? [flag, environment] : undefined;
}


/***/ })

};

//# sourceMappingURL=463.index.js.map