export const id = 463;
export const ids = [463];
export const modules = {

/***/ 6463:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseTargetsFile: () => (/* binding */ parseTargetsFile)
/* harmony export */ });
/* unused harmony export targetsFileJsonSchema */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8815);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9396);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1137);
/* harmony import */ var _core_keys_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1483);
/* harmony import */ var _core_target_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4294);
/* harmony import */ var _core_unicode_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4320);
/* harmony import */ var _grammar_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2851);
/* harmony import */ var _core_when_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8807);
/**
 * The targets file: a reviewed YAML list of scheduled removals, each for some flags and segments
 * in some environments. Pure: the text, the clock, the time zone and the defaults are passed in.
 * Every problem is an invalid result naming `<path> line N` and what would be valid; YAML 1.2
 * core schema only, so `2030-06-10` stays the string that was reviewed.
 */








const VALID_REMOVE_AT = 'a date (2030-06-10), an ISO date-time with Z or an offset (2030-06-10T09:00:00Z), or never';
/** The shapes parseWhen reads or explains (a date, a date-time with or without a zone). */
const TIME_LIKE = [_core_when_js__WEBPACK_IMPORTED_MODULE_3__/* .DATE */ .vH, _core_when_js__WEBPACK_IMPORTED_MODULE_3__/* .DATE_TIME */ .lv, /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/];
const FILE_FIELDS = 'version, aliases and targets';
const ITEM_FIELDS = 'flag, flags, segment, segments, environment, environments, user, context, remove-at and variation';
/** What an item that names no container is for. */
const CONTAINER_DEFAULTS = 'an item that names no flag and no segment is for the flag-key and segment-key inputs';
/** Why a segment takes no variation, and what it does instead. */
const NO_VARIATION = "which have no variations: the target is removed from the segment's included or excluded list";
/**
 * What the JSON Schema for editors says beyond zod's own checks: descriptions, and the rules this
 * module checks in code (refinements), written as JSON Schema. Parsing never reads it.
 */
const docs = zod__WEBPACK_IMPORTED_MODULE_4__/* .registry */ .u5();
function documented(schema, meta) {
    docs.add(schema, meta);
    return schema;
}
/** A key as checkUserKey and writtenKey take it: no white space, no comma. */
const WRITTEN_KEY = { minLength: 1, maxLength: _grammar_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_ENTRY_LENGTH */ .N5, pattern: '^[^\\s,]+$' };
/** remove-at as toEntry reads it: a date, a date-time with a zone, or never. */
const REMOVE_AT_PATTERN = `^(?:never|${[_core_when_js__WEBPACK_IMPORTED_MODULE_3__/* .DATE */ .vH, _core_when_js__WEBPACK_IMPORTED_MODULE_3__/* .DATE_TIME */ .lv]
    .map((shape) => shape.source.slice(1, -1).replace(/\((?!\?)/g, '(?:'))
    .join('|')})$`;
/**
 * The path as an annotation names the file: relative to the repository with `/` separators, and
 * without `./` (the targets-file input is relative to the workspace, the repository's checkout).
 */
function annotationPath(path) {
    return node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(path.replace(/\\/g, '/')).replace(/^(\.\/)+/, '');
}
/** A YAML value as a message shows it. */
function shown(value) {
    if (value === undefined || value === null)
        return 'empty';
    if (typeof value === 'string')
        return `"${(0,_grammar_js__WEBPACK_IMPORTED_MODULE_2__/* .shorten */ .ml)(value)}"`;
    if (Array.isArray(value))
        return 'a list';
    if (value instanceof Date)
        return 'a timestamp';
    if (typeof value === 'number' || typeof value === 'boolean') {
        return `the ${typeof value} ${String(value)}`;
    }
    return typeof value === 'object' ? 'a mapping' : typeof value;
}
/**
 * A key and a list of keys of one noun (flag, segment, environment). A container (a flag or a
 * segment) left out may mean none, when the item names the other kind: its texts say so.
 */
function keyList(noun, input, container = false, note = '') {
    const leftOut = container ? ` (${CONTAINER_DEFAULTS})` : ` to use the ${input} input`;
    const rest = (either) => container ? `${note}; ${CONTAINER_DEFAULTS}.` : `; without ${either}, the ${input} input.`;
    const one = zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP({ error: (iss) => `a ${noun} key must be a string, not ${shown(iss.input)}` })
        .max(256, { error: `a ${noun} key has at most 256 characters` })
        .regex(_core_keys_js__WEBPACK_IMPORTED_MODULE_6__/* .KEY */ ._, {
        error: (iss) => `${shown(iss.input)} is not a ${noun} key; ${noun} keys may only contain ${_core_keys_js__WEBPACK_IMPORTED_MODULE_6__/* .KEY_RULE */ .Z3}`
    });
    const many = zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(one, {
        error: (iss) => `${noun}s must be a list of ${noun} keys ([a, b]), not ${shown(iss.input)}`
    })
        .min(1, {
        error: `${noun}s is empty; list at least one ${noun} key, or leave it out${leftOut}`
    });
    return {
        one: documented(one.optional(), {
            description: `The ${noun} key${rest(`${noun} or ${noun}s`)}`
        }),
        many: documented(many.optional(), {
            description: `The ${noun} keys, instead of ${noun}${rest('either')}`
        })
    };
}
/**
 * A user or context key, an alias's value: a string, so that what is reviewed is what is sent.
 * `field` names it in messages; `name` is its YAML key.
 */
function writtenKey(field, name = field) {
    const key = zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP({
        error: (iss) => iss.input === undefined
            ? `${field} is missing; write ${name}: <key>`
            : typeof iss.input === 'number' || typeof iss.input === 'boolean'
                ? `${field} is ${shown(iss.input)}, not a string; quote it (${name}: "${String(iss.input)}") so that the key sent is the text reviewed`
                : `${field} must be a key written as a string, not ${shown(iss.input)}`
    })
        .superRefine((key, ctx) => {
        const hidden = _core_unicode_js__WEBPACK_IMPORTED_MODULE_7__/* .INVISIBLE */ .kH.exec(key);
        const problem = key === ''
            ? `${field} is empty; write ${name}: <key>`
            : key.length > _grammar_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_ENTRY_LENGTH */ .N5
                ? `${field} is ${key.length} characters long; a key has at most ${_grammar_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_ENTRY_LENGTH */ .N5}`
                : hidden
                    ? `${field} contains an invisible or control character (${(0,_core_unicode_js__WEBPACK_IMPORTED_MODULE_7__/* .describeCodePoint */ .pk)(hidden[0])}); retype it as plain text`
                    : (0,_grammar_js__WEBPACK_IMPORTED_MODULE_2__/* .checkUserKey */ .Tc)(key);
        if (problem)
            ctx.addIssue({ code: 'custom', message: problem });
    });
    return documented(key, WRITTEN_KEY);
}
function strict(shape, what, example, fields) {
    return zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej(shape, {
        error: (iss) => iss.code === 'unrecognized_keys'
            ? `${what} has the fields ${fields}`
            : `${what} must be a mapping (${example}), not ${shown(iss.input)}`
    });
}
const flags = keyList('flag', 'flag-key', true);
const segments = keyList('segment', 'segment-key', true, ', whose included or excluded list the target is removed from (a segment has no variations)');
const environments = keyList('environment', 'environment-key');
const kind = zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP({
    error: (iss) => `context.kind must be a context kind written as a string, not ${shown(iss.input)}`
})
    .regex(_core_keys_js__WEBPACK_IMPORTED_MODULE_6__/* .CONTEXT_KIND */ .R$, {
    error: (iss) => `context.kind ${shown(iss.input)} may only contain letters, digits, ".", "_" and "-"`
})
    .refine((k) => !_core_keys_js__WEBPACK_IMPORTED_MODULE_6__/* .RESERVED_KINDS */ .bZ.includes(k), {
    error: (iss) => `context.kind cannot be ${shown(iss.input)}; write a kind such as organization, or use user: <key>`
});
documented(kind, {
    description: 'The context kind, such as organization (for a user, write user: <key>).',
    not: { enum: _core_keys_js__WEBPACK_IMPORTED_MODULE_6__/* .RESERVED_KINDS */ .bZ }
});
const itemSchema = strict({
    flag: flags.one,
    flags: flags.many,
    segment: segments.one,
    segments: segments.many,
    environment: environments.one,
    environments: environments.many,
    user: documented(writtenKey('user').optional(), {
        description: 'The user key, or an alias; or give context instead.'
    }),
    context: documented(strict({ kind, key: writtenKey('context.key', 'key') }, 'context', '{ kind: organization, key: acme }', 'kind and key').optional(), { description: 'A context of another kind, such as { kind: organization, key: acme }.' }),
    'remove-at': documented(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP({
        error: (iss) => iss.input === undefined
            ? `remove-at is missing; write remove-at: ${VALID_REMOVE_AT}`
            : `remove-at is ${shown(iss.input)}; write ${VALID_REMOVE_AT}`
    }), {
        description: `When the target is removed: ${VALID_REMOVE_AT} (cancels a scheduled removal). A date is 00:00 in the timezone input.`,
        pattern: REMOVE_AT_PATTERN,
        examples: ['2030-06-10', '2030-06-10T09:00:00Z', 'never']
    }),
    variation: documented(zod__WEBPACK_IMPORTED_MODULE_5__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_5__/* .boolean */ .zMY(), zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig()], {
        error: (iss) => `variation must be a variation's _id, name or JSON value (Enabled, true), not ${shown(iss.input)}`
    })
        .optional(), {
        description: "The variation to expire the target from, on the item's flags: its _id, its name, or its value (Enabled, true). Without it, the variation input, or the one it is targeted on now. Not on an item that names only segments: they have no variations."
    })
}, 'an item of targets', 'flag: …, user: …, remove-at: …', ITEM_FIELDS);
const naming = (...fields) => ({ anyOf: fields.map((f) => ({ required: [f] })) });
documented(itemSchema, {
    description: 'A scheduled removal: a user or context, on some flags and segments in some environments.',
    oneOf: [{ required: ['user'] }, { required: ['context'] }],
    not: {
        anyOf: [
            { required: ['flag', 'flags'] },
            { required: ['segment', 'segments'] },
            { required: ['environment', 'environments'] }
        ]
    },
    // A variation is for flags: an item that names segments and a variation names a flag too.
    if: { required: ['variation'], ...naming('segment', 'segments') },
    then: naming('flag', 'flags')
});
const fileSchema = strict({
    version: documented(zod__WEBPACK_IMPORTED_MODULE_5__/* .literal */ .euz(1, {
        error: (iss) => iss.input === undefined
            ? 'version is missing; write version: 1 at the top of the file'
            : `version is ${shown(iss.input)}; this action reads version 1 only: write version: 1`
    }), { description: 'The format of the file: 1.' }),
    aliases: zod__WEBPACK_IMPORTED_MODULE_5__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().regex(_core_keys_js__WEBPACK_IMPORTED_MODULE_6__/* .KEY */ ._, {
        error: (iss) => `the alias name ${shown(iss.input)} may only contain ${_core_keys_js__WEBPACK_IMPORTED_MODULE_6__/* .KEY_RULE */ .Z3}`
    }), documented(zod__WEBPACK_IMPORTED_MODULE_5__/* .unknown */ .L5J(), { type: 'string', ...WRITTEN_KEY }), { error: (iss) => `aliases must be a mapping of alias: key, not ${shown(iss.input)}` })
        .superRefine((record, ctx) => {
        for (const [name, value] of Object.entries(record)) {
            const key = writtenKey(`the alias ${name}`, name).safeParse(value);
            for (const { message } of key.error?.issues ?? []) {
                ctx.addIssue({ code: 'custom', message, path: [name] });
            }
        }
    })
        .optional()
        .register(docs, {
        description: 'Short names for long keys (alias: key), usable in place of the key here and in labels.'
    }),
    targets: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .unknown */ .L5J(), {
        error: (iss) => iss.input === undefined
            ? 'targets is missing; write targets: followed by a list of items (- flag: …)'
            : `targets must be a list of items (- flag: …), not ${shown(iss.input)}`
    })
}, 'the file', 'version: 1, targets: […]', FILE_FIELDS);
const TARGETS_DESCRIPTION = 'The scheduled removals, one item for a user or context each.';
/**
 * The targets file's JSON Schema (draft-07), generated from the schemas this module parses with,
 * for editors (yaml-language-server). schema/targets-file.schema.json holds it; a test keeps the
 * two equal. What only code can check (a key listed twice, a date that is not a calendar date) is
 * left to the action's own messages.
 */
function targetsFileJsonSchema() {
    const whole = fileSchema.extend({
        targets: z.array(itemSchema).register(docs, { description: TARGETS_DESCRIPTION })
    });
    const { $schema, ...schema } = z.toJSONSchema(whole, { target: 'draft-7', metadata: docs });
    return {
        $schema,
        title: 'LaunchDarkly expiring targets file',
        description: 'A reviewed list of scheduled removals of individually targeted users and contexts, read by the targets-file input of the LaunchDarkly Expiring Targets action.',
        ...schema
    };
}
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
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isMap */ .jh)(node)) {
            const pair = node.items.find((p) => (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isScalar */ .jn)(p.key) && String(p.key.value) === String(segment));
            if (!pair)
                break;
            const keyStart = start(pair.key) ?? offset;
            if (atKey && index === path.length - 1)
                return keyStart;
            node = pair.value;
            offset = start(node) ?? keyStart;
        }
        else if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isSeq */ .oP)(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
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
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_1__/* .LineCounter */ .HN();
    const lines = text.split('\n');
    // yaml puts an unclosed quote or bracket at the end of the text: keep it on a written line.
    const lastLine = Math.max(1, text.trimEnd().split('\n').length);
    const lineOf = (offset) => Math.min(lineCounter.linePos(offset).line, lastLine);
    const file = annotationPath(path);
    const fileProblem = (line, reason) => ({
        ok: false,
        invalid: { source: path, origin: `${path} line ${line}`, reason, file, line }
    });
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .parseDocument */ .Tp)(text, {
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
        const shownSource = source ?? (0,_grammar_js__WEBPACK_IMPORTED_MODULE_2__/* .shorten */ .ml)((lines[line - 1] ?? '').trim());
        const origin = `${path} line ${line}`;
        return { ok: false, invalid: { source: shownSource, origin, reason, file, line } };
    };
    let value;
    try {
        value = doc.toJS();
    }
    catch (error) {
        // Too many YAML aliases (*name): a resource-exhaustion guard.
        return { aliases, results: [fileProblem(1, `it cannot be read: ${error.message}`)] };
    }
    const parsed = fileSchema.safeParse(value);
    if (!parsed.success) {
        const results = problemsOf(parsed.error, []).map((p) => toResult([p], path));
        return { aliases, results };
    }
    for (const [name, key] of Object.entries(parsed.data.aliases ?? {}))
        aliases.set(name, key);
    const listed = [];
    const results = parsed.data.targets.map((raw, index) => {
        const base = ['targets', index];
        const line = lineOf(offsetAt(doc, base));
        const origin = `${path} line ${line}`;
        const item = itemSchema.safeParse(raw);
        if (!item.success)
            return toResult(problemsOf(item.error, base), sourceOf(raw));
        const problems = [];
        const entry = toEntry(item.data, base, origin, context, aliases, problems);
        if (!entry)
            return toResult(problems, sourceOf(raw));
        const clash = listed.map((e) => [e, overlap(e, entry)]).find(([, o]) => o);
        if (clash) {
            const [earlier, [noun, container, environment] = []] = clash;
            const { kind: k, key } = entry.target;
            const written = entry.alias === undefined ? '' : ` (alias ${entry.alias})`;
            const reason = `${k} "${key}"${written} is already listed at ${earlier.origin} for ${noun} "${container}" in environment "${environment}"; list each ${k} once per ${noun} and environment`;
            return { ok: false, invalid: { source: entry.source, origin, reason, file, line } };
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
    /** The keys the item writes as `one` or `ones`; undefined when it writes neither. */
    const named = (one) => {
        const many = `${one}s`;
        if (item[one] !== undefined && item[many] !== undefined) {
            problem([many], `give ${one} or ${many}, not both`);
        }
        const keys = item[many] ?? (item[one] === undefined ? undefined : [item[one]]);
        keys?.forEach((key, i) => {
            if (keys.indexOf(key) !== i)
                problem([many, i], `${many} lists "${key}" twice; list it once`);
        });
        return keys && [...keys];
    };
    // An item that names a flag or a segment is for what it names; one that names neither, for the
    // flag-key and segment-key inputs together.
    const namedFlags = named('flag');
    const namedSegments = named('segment');
    const byDefault = namedFlags === undefined && namedSegments === undefined;
    const flagKeys = byDefault ? [...context.defaultFlags] : (namedFlags ?? []);
    const segmentKeys = byDefault ? [...(context.defaultSegments ?? [])] : (namedSegments ?? []);
    if (byDefault && flagKeys.length === 0 && segmentKeys.length === 0) {
        problem([], 'give flag: <key> or flags: [<key>, …], or segment: <key> or segments: [<key>, …]; the flag-key and segment-key inputs are empty, so there is no default');
    }
    const environmentKeys = named('environment') ?? [...context.defaultEnvironments];
    if (environmentKeys.length === 0) {
        problem([], 'give environment: <key> or environments: [<key>, …]; the environment-key input is empty, so there is no default');
    }
    if (item.variation !== undefined && flagKeys.length === 0 && segmentKeys.length > 0) {
        const which = byDefault
            ? `is for the segment-key input's segments only (${segmentKeys.join(', ')})`
            : `names only segments (${segmentKeys.join(', ')})`;
        problem(['variation'], `variation is for flags, and this item ${which}, ${NO_VARIATION}; take variation out, or name the flags it is for with flag or flags`);
    }
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
        const parsed = (0,_core_when_js__WEBPACK_IMPORTED_MODULE_3__/* .parseWhen */ .Oc)(removeAt, {
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
    const target = { kind: item.context?.kind ?? _core_target_js__WEBPACK_IMPORTED_MODULE_8__/* .USER_KIND */ .P1, key: key ?? written };
    const entry = {
        target,
        when,
        source: sourceOf(item) ?? written,
        origin,
        scope: segmentKeys.length > 0
            ? { flagKeys, segmentKeys, environmentKeys }
            : { flagKeys, environmentKeys }
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
    return (0,_grammar_js__WEBPACK_IMPORTED_MODULE_2__/* .shorten */ .ml)(typeof removeAt === 'string' ? `${written}@${removeAt}` : written);
}
/**
 * A flag or a segment, and an environment, both entries are for when they are for the same target:
 * `['flag' | 'segment', key, environment]`. A flag and a segment of the same key are two things.
 */
function overlap(a, b) {
    if ((0,_core_target_js__WEBPACK_IMPORTED_MODULE_8__/* .targetId */ .Lx)(a.target) !== (0,_core_target_js__WEBPACK_IMPORTED_MODULE_8__/* .targetId */ .Lx)(b.target) || !a.scope || !b.scope)
        return undefined;
    const shared = (x = [], y = []) => x.find((k) => y.includes(k));
    const environment = shared(a.scope.environmentKeys, b.scope.environmentKeys);
    if (environment === undefined)
        return undefined;
    const flag = shared(a.scope.flagKeys, b.scope.flagKeys);
    if (flag !== undefined)
        return ['flag', flag, environment];
    const segment = shared(a.scope.segmentKeys, b.scope.segmentKeys);
    return segment === undefined ? undefined : ['segment', segment, environment];
}


/***/ })

};

//# sourceMappingURL=463.index.js.map