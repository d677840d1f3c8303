import { z } from "zod";
import { closestName } from "./closest-name.js";

interface ConfigProblem {
  path: PropertyKey[];
  reason: string;
}

/**
 * One line for zod's issues with a config: the first problem as `<field path>: <reason>`, then
 * `(and N more)`; zod's own messages are not used because they name zod's types, not the user's fields.
 */
export function describeConfigIssues(
  issues: readonly z.core.$ZodIssue[],
  schema: z.core.$ZodType,
  fieldPrefix: readonly string[] = [],
): string {
  const problems = issues.flatMap((issue) => toProblems(issue, [], schema));
  const [first] = problems;
  if (first === undefined) return "invalid config";
  const path = formatFieldPath([...fieldPrefix, ...first.path]);
  const line = path === "" ? first.reason : `${path}: ${first.reason}`;
  return problems.length > 1 ? `${line} (and ${problems.length - 1} more)` : line;
}

function toProblems(issue: z.core.$ZodIssue, base: PropertyKey[], schema: z.core.$ZodType): ConfigProblem[] {
  const path = [...base, ...issue.path];
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) => ({ path, reason: describeUnknownKey(key, schemaAt(schema, path)) }));
    case "invalid_union": {
      // Each branch failed; report the branch whose type matched the value, or every type it could have been.
      const matching = issue.errors.filter((branch) => !branch.some((inner) => isTypeMismatchAtRoot(inner)));
      const closest = matching.reduce<z.core.$ZodIssue[] | undefined>(
        (best, branch) => (best === undefined || branch.length < best.length ? branch : best),
        undefined,
      );
      if (closest !== undefined) return closest.flatMap((inner) => toProblems(inner, path, schema));
      const expected = [...new Set(issue.errors.flat().filter(isTypeMismatchAtRoot).map(describeExpected))];
      const wanted = expected.length > 0 ? expected.join(" or ") : "a different value";
      return [{ path, reason: `expected ${wanted}, got ${describeValue(issue.input)}` }];
    }
    case "invalid_type":
      return [{ path, reason: `expected ${describeExpected(issue)}, got ${describeValue(issue.input)}` }];
    case "invalid_value": {
      const values = issue.values.map((value) => describeValue(value));
      const wanted = values.length === 1 ? values.join("") : `one of ${values.join(", ")}`;
      const input = issue.input;
      const suggestion =
        typeof input === "string" ? closestName(input, issue.values.filter((value) => typeof value === "string")) : undefined;
      return [{ path, reason: `expected ${wanted}, got ${describeValue(input)}${didYouMean(suggestion)}` }];
    }
    case "too_small":
    case "too_big":
      return [{ path, reason: `expected ${describeBound(issue, schemaAt(schema, path))}, got ${describeValue(issue.input)}` }];
    case "custom": {
      const input = issue.input;
      const got = isPrimitive(input) ? `, got ${describeValue(input)}` : "";
      return [{ path, reason: `${issue.message}${got}` }];
    }
    default:
      return [{ path, reason: issue.message }];
  }
}

function describeUnknownKey(key: string, owner: z.core.$ZodType | undefined): string {
  if (owner instanceof z.ZodRecord && owner.keyType instanceof z.ZodEnum) {
    const allowed = owner.keyType.options.filter((option) => typeof option === "string");
    const suggestion = closestName(key, allowed);
    if (suggestion !== undefined) return `unknown key "${key}"${didYouMean(suggestion)}`;
    return `unknown key "${key}", expected one of ${allowed.map((option) => describeValue(option)).join(", ")}`;
  }
  const fields = owner instanceof z.ZodObject ? Object.keys(owner.shape) : [];
  return `unknown field "${key}"${didYouMean(closestName(key, fields))}`;
}

function describeBound(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig, owner: z.core.$ZodType | undefined): string {
  const isMinimum = issue.code === "too_small";
  const limit = isMinimum ? issue.minimum : issue.maximum;
  const inclusive = issue.inclusive === true;
  if (issue.origin === "number" || issue.origin === "int") {
    const noun = (owner instanceof z.ZodNumber && owner.isInt === true) || issue.origin === "int" ? "integer" : "number";
    if (isMinimum && Number(limit) === 0) return inclusive ? `a non-negative ${noun}` : `a positive ${noun}`;
    return `${noun === "integer" ? "an integer" : "a number"} ${isMinimum ? ">" : "<"}${inclusive ? "=" : ""} ${limit}`;
  }
  if (issue.origin === "string" && isMinimum && Number(limit) === 1) return "a non-empty string";
  const unit = issue.origin === "string" ? "characters" : "items";
  return `${isMinimum ? "at least" : "at most"} ${limit} ${unit}`;
}

function describeExpected(issue: z.core.$ZodIssueInvalidType): string {
  switch (issue.expected) {
    case "int":
      return "an integer";
    case "array":
    case "object":
      return `an ${issue.expected}`;
    case "null":
    case "undefined":
      return issue.expected;
    case "record":
      return "an object";
    default:
      return `a ${issue.expected}`;
  }
}

function isTypeMismatchAtRoot(issue: z.core.$ZodIssue): issue is z.core.$ZodIssueInvalidType {
  return issue.code === "invalid_type" && issue.path.length === 0;
}

/** The schema that validates the value at `path`, looking through optional wrappers and unions. */
function schemaAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): z.core.$ZodType | undefined {
  const current = unwrap(schema);
  const [head, ...rest] = path;
  if (head === undefined) return current;
  if (current instanceof z.ZodUnion) {
    for (const option of current.options) {
      const found = schemaAt(option, path);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (current instanceof z.ZodObject && typeof head === "string") {
    const field: z.core.$ZodType | undefined = current.shape[head];
    return field === undefined ? undefined : schemaAt(field, rest);
  }
  if (current instanceof z.ZodArray && typeof head === "number") return schemaAt(current.element, rest);
  if (current instanceof z.ZodRecord) return schemaAt(current.valueType, rest);
  return undefined;
}

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) {
    return unwrap(schema.unwrap());
  }
  return schema;
}

function formatFieldPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else if (typeof segment === "string" && /^[^.[\]"\s]+$/.test(segment)) text += text === "" ? segment : `.${segment}`;
    else text += `[${JSON.stringify(String(segment))}]`;
  }
  return text;
}

function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (value === undefined) return "nothing";
  if (value === null || typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") {
    return String(value);
  }
  if (Array.isArray(value)) return "an array";
  if (typeof value === "function") return "a function";
  return typeof value === "object" ? "an object" : typeof value;
}

function isPrimitive(value: unknown): boolean {
  return value === null || (typeof value !== "object" && typeof value !== "function" && value !== undefined);
}

function didYouMean(suggestion: string | undefined): string {
  return suggestion === undefined ? "" : ` (did you mean "${suggestion}"?)`;
}
