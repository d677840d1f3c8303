// CommonJS as a first-class module system: `module.exports = { … }`, `exports.a =`,
// `module.exports.a =`, `module.exports = X`, `require` (destructured, member, whole, JSON), advice
// that names module.exports, `why` without a second declaration for a destructured require; and one
// small app written twice, as CommonJS and as ESM, whose flag-guarded code both scans find dead.
import { describe, expect, it } from "vitest";
import { explainNode, findNode, openProject, scanProject } from "../../src/index.js";
import type { Finding, ScanResult } from "../../src/index.js";
import { tempProject } from "../helpers/temp-dir.js";

const lines = (...text: string[]): string => `${text.join("\n")}\n`;

async function scanFiles(files: Record<string, string>): Promise<ScanResult> {
  const root = tempProject(files);
  const project = await openProject({ root, cache: false });
  expect(project.diagnostics).toEqual([]);
  return scanProject(project);
}

function brief(finding: Finding): string {
  return `${finding.ruleId} ${finding.file}:${finding.line}:${finding.column}${finding.symbol === undefined ? "" : ` ${finding.symbol}`}`;
}

/** `scan` of a CommonJS package whose entry is `src/server.js`. */
async function scanCommonJs(files: Record<string, string>): Promise<Finding[]> {
  const result = await scanFiles({ "package.json": JSON.stringify({ name: "cjs-app", main: "src/server.js" }), ...files });
  return result.findings;
}

const flagConfig = JSON.stringify({ flags: { states: { "new-checkout": "on", "legacy-search": "off", "beta-export": "retired" } } });

/** The same app twice: three flags, each guarding a function that is dead in its state. */
const commonJsApp = {
  "package.json": JSON.stringify({ name: "cjs-app", main: "src/server.js", dependencies: { "@openfeature/server-sdk": "1" } }),
  "deadflag.config.json": flagConfig,
  "src/flags.js": lines('const { OpenFeature } = require("@openfeature/server-sdk");', "const client = OpenFeature.getClient();", "module.exports = { client };"),
  "src/checkout.js": lines(
    "function newCheckout(cart) {",
    "  return cart.total;",
    "}",
    "function oldCheckout(cart) {",
    "  return legacyTotal(cart);",
    "}",
    "function legacyTotal(cart) {",
    "  return cart.items.length;",
    "}",
    "module.exports = { newCheckout, oldCheckout };",
  ),
  "src/search.js": lines(
    "exports.search = function search(q) {",
    "  return [q];",
    "};",
    "exports.legacySearch = function legacySearch(q) {",
    "  return [q, q];",
    "};",
    "function unusedHelper() {",
    "  return 1;",
    "}",
    "exports.unusedHelper = unusedHelper;",
  ),
  "src/export.js": lines(
    "function exportCsv(rows) {",
    '  return rows.join(",");',
    "}",
    "function exportPdf(rows) {",
    "  return rows.length;",
    "}",
    "module.exports.exportCsv = exportCsv;",
    "module.exports.exportPdf = exportPdf;",
    "module.exports.exportXml = function exportXml(rows) {",
    "  return rows.map(String);",
    "};",
  ),
  "src/data.json": '{ "version": 1 }\n',
  "src/server.js": lines(
    'const { client } = require("./flags");',
    'const checkout = require("./checkout");',
    'const { search, legacySearch } = require("./search");',
    'const exporter = require("./export");',
    'const data = require("./data.json");',
    "async function handle(req) {",
    '  const total = (await client.getBooleanValue("new-checkout", false)) ? checkout.newCheckout(req.cart) : checkout.oldCheckout(req.cart);',
    '  const results = (await client.getBooleanValue("legacy-search", false)) ? legacySearch(req.q) : search(req.q);',
    '  if (await client.getBooleanValue("beta-export", false)) {',
    "    return exporter.exportPdf(results);",
    "  }",
    "  return [total, exporter.exportCsv(results), data.version];",
    "}",
    "module.exports = { handle };",
  ),
};

const esmApp = {
  "package.json": JSON.stringify({ name: "esm-app", type: "module", main: "src/server.js", dependencies: { "@openfeature/server-sdk": "1" } }),
  "deadflag.config.json": flagConfig,
  "src/flags.js": lines('import { OpenFeature } from "@openfeature/server-sdk";', "export const client = OpenFeature.getClient();"),
  "src/checkout.js": lines(
    "export function newCheckout(cart) {",
    "  return cart.total;",
    "}",
    "export function oldCheckout(cart) {",
    "  return legacyTotal(cart);",
    "}",
    "function legacyTotal(cart) {",
    "  return cart.items.length;",
    "}",
  ),
  "src/search.js": lines(
    "export function search(q) {",
    "  return [q];",
    "}",
    "export function legacySearch(q) {",
    "  return [q, q];",
    "}",
    "export function unusedHelper() {",
    "  return 1;",
    "}",
  ),
  "src/export.js": lines(
    "export function exportCsv(rows) {",
    '  return rows.join(",");',
    "}",
    "export function exportPdf(rows) {",
    "  return rows.length;",
    "}",
    "export function exportXml(rows) {",
    "  return rows.map(String);",
    "}",
  ),
  "src/data.json": '{ "version": 1 }\n',
  "src/server.js": lines(
    'import { client } from "./flags.js";',
    'import * as checkout from "./checkout.js";',
    'import { search, legacySearch } from "./search.js";',
    'import * as exporter from "./export.js";',
    'import data from "./data.json";',
    "export async function handle(req) {",
    '  const total = (await client.getBooleanValue("new-checkout", false)) ? checkout.newCheckout(req.cart) : checkout.oldCheckout(req.cart);',
    '  const results = (await client.getBooleanValue("legacy-search", false)) ? legacySearch(req.q) : search(req.q);',
    '  if (await client.getBooleanValue("beta-export", false)) {',
    "    return exporter.exportPdf(results);",
    "  }",
    "  return [total, exporter.exportCsv(results), data.version];",
    "}",
  ),
};

/** What a no-unreachable-code finding says, in a form both apps share: symbol, and the flag or the cause. */
function verdict(finding: Finding): string {
  const data = finding.data ?? {};
  const cause = finding.flag ?? (data["root"] === false ? `cascade of ${String(data["usedBy"])}` : "never used");
  return `${finding.file} ${finding.symbol ?? ""} ${cause}`;
}

describe("scan: the same flag-guarded app as CommonJS and as ESM", () => {
  it("finds the three flag-guarded functions, the cascade and the unused ones in the ESM app", async () => {
    const { findings } = await scanFiles(esmApp);
    expect(findings.filter((f) => f.ruleId === "no-unreachable-code").map(verdict)).toEqual([
      "src/checkout.js oldCheckout new-checkout",
      "src/checkout.js legacyTotal cascade of oldCheckout",
      "src/export.js exportPdf beta-export",
      "src/export.js exportXml never used",
      "src/search.js legacySearch legacy-search",
      "src/search.js unusedHelper never used",
    ]);
  });

  it("finds the same in the CommonJS app: module.exports = { a, b } keeps nothing live by itself", async () => {
    const { findings } = await scanFiles(commonJsApp);
    expect(findings.filter((f) => f.ruleId === "no-unreachable-code").map(verdict)).toEqual([
      "src/checkout.js oldCheckout new-checkout",
      "src/checkout.js legacyTotal cascade of oldCheckout",
      "src/export.js exportPdf beta-export",
      "src/export.js exports.exportXml never used",
      "src/search.js exports.legacySearch legacy-search",
      "src/search.js unusedHelper never used",
    ]);
    expect(findings.filter((f) => f.ruleId === "no-dead-flag-branch").map((f) => `${brief(f)} ${f.flag ?? ""}`)).toEqual([
      "no-dead-flag-branch src/server.js:7:106 new-checkout",
      "no-dead-flag-branch src/server.js:8:76 legacy-search",
      "no-dead-flag-branch src/server.js:9:59 beta-export",
    ]);
    // The JSON module is data: neither an unused file nor an unresolved import.
    expect(findings.filter((f) => f.ruleId === "no-unused-file" || f.ruleId === "no-unused-export")).toEqual([]);
  });

  it("locates a CommonJS export's own value at the name it is exported as (module.exports.exportXml = function …)", async () => {
    const { findings } = await scanFiles(commonJsApp);
    expect(findings.find((f) => f.symbol === "exports.exportXml")).toMatchObject({
      message: "function exports.exportXml is never used: no entry reaches it",
      line: 9,
      column: 16,
      endLine: 11,
      endColumn: 2,
    });
  });
});

describe("scan: CommonJS exports", () => {
  it("gives CommonJS advice for an export only its own file uses: remove it from module.exports", async () => {
    const findings = await scanCommonJs({
      "src/server.js": lines('const { run } = require("./lib");', "run();"),
      "src/lib.js": lines(
        "function helper() {",
        "  return 1;",
        "}",
        "function run() {",
        "  return helper() + exports.twice();",
        "}",
        "exports.twice = function twice() {",
        "  return 2;",
        "};",
        "exports.run = run;",
        "exports.helper = helper;",
        "const registry = new Map();",
        "module.exports.registry = registry;",
      ),
    });
    expect(findings.map(brief)).toEqual([
      "no-unused-export src/lib.js:7:1 twice",
      "no-unused-export src/lib.js:11:1 helper",
      "no-unused-export src/lib.js:13:1 registry",
    ]);
    // exports.twice() in run is a use of the export from its own file.
    expect(findings[0]).toMatchObject({
      message: "module.exports.twice is used only in its own file: remove `twice` from module.exports",
      data: { exported: "twice", local: "exports.twice", commonJs: true, selfOnly: true },
    });
    expect(findings[1]).toMatchObject({
      message: "module.exports.helper is used only in its own file: remove `helper` from module.exports",
      data: { exported: "helper", commonJs: true, selfOnly: true },
    });
    expect(findings[2]).toMatchObject({
      message: "module.exports.registry is not required by any other module: remove `registry` from module.exports",
      data: { exported: "registry", commonJs: true },
    });
    expect(findings[2]?.data).not.toHaveProperty("selfOnly");
  });

  it("follows require destructured, by member and whole, and module.exports.c = function c() {}", async () => {
    const findings = await scanCommonJs({
      "src/server.js": lines(
        'const { a } = require("./m");',
        'const b = require("./m").b;',
        'const m = require("./m");',
        "a();",
        "b();",
        "m.c();",
      ),
      "src/m.js": lines(
        "function a() {}",
        "function b() {}",
        "function d() {}",
        "module.exports.a = a;",
        "module.exports.b = b;",
        "module.exports.c = function c() {};",
        "module.exports.d = d;",
        "module.exports.e = function e() {};",
      ),
    });
    expect(findings.map(brief)).toEqual(["no-unreachable-code src/m.js:3:10 d", "no-unreachable-code src/m.js:8:16 exports.e"]);
  });

  it("reads a member required from module.exports = Class as the class's static member", async () => {
    const findings = await scanCommonJs({
      "src/server.js": lines('const { create } = require("./store");', "create().get();"),
      "src/store.js": lines(
        "class Store {",
        "  static create() {",
        "    return new Store();",
        "  }",
        "  static unused() {",
        "    return 1;",
        "  }",
        "  get() {",
        "    return 2;",
        "  }",
        "}",
        "module.exports = Store;",
      ),
    });
    expect(findings.map(brief)).toEqual(["no-unreachable-code src/store.js:5:10 Store.unused"]);
  });

  it("keeps what module.exports = require(…) and { ...require(…) } re-export, when required", async () => {
    const findings = await scanCommonJs({
      "src/server.js": lines('const { one } = require("./index");', 'const { two } = require("./more");', "one() + two();"),
      "src/index.js": lines('module.exports = require("./impl");'),
      "src/more.js": lines('module.exports = { ...require("./impl2"), three: () => 3 };'),
      "src/impl.js": lines("exports.one = () => 1;", "exports.unusedOne = () => 1;"),
      "src/impl2.js": lines("exports.two = () => 2;"),
    });
    // Requiring a module whole runs it and hands over all of it: a bare require keeps everything.
    expect(findings.map(brief)).toEqual(["no-unreachable-code src/more.js:1:43 exports.three"]);
  });

  it("follows this.other() in a method of module.exports = { … } to the export other", async () => {
    const findings = await scanCommonJs({
      "src/server.js": lines('const api = require("./api");', "api.handle();"),
      "src/api.js": lines(
        "module.exports = {",
        "  handle() {",
        "    return this.format(1);",
        "  },",
        "  format: function (n) {",
        "    return String(n);",
        "  },",
        "  unused() {",
        "    return 0;",
        "  },",
        "};",
      ),
    });
    // api.handle() reads one member of the required module; this.format() keeps format; nothing names unused.
    expect(findings.map(brief)).toEqual(["no-unreachable-code src/api.js:8:3 exports.unused"]);
  });

  it("counts module.exports = { a } in an entry as the entry's API, and a tool config's plugins as handed to the tool", async () => {
    const findings = await scanCommonJs({
      "src/server.js": lines("function a() {}", "function b() {}", "module.exports = { a, c: () => b() };"),
    });
    expect(findings.map(brief)).toEqual([]);
  });
});

describe("why: CommonJS", () => {
  it("finds a required function once: a destructured require is not a second declaration", async () => {
    const result = await scanFiles({
      "package.json": JSON.stringify({ name: "cjs-app", main: "src/server.js" }),
      "src/server.js": lines('const { helper, other } = require("./lib");', "helper(other);"),
      "src/lib.js": lines("function helper() {}", "const other = 1;", "module.exports = { helper, other };"),
    });
    const lookup = findNode(result.context, "helper");
    expect(lookup.kind).toBe("found");
    if (lookup.kind !== "found") return;
    const explanation = explainNode(result.context, lookup.id);
    expect(explanation.target).toMatchObject({ file: "src/lib.js", symbol: "helper", line: 1 });
    expect(explanation.path?.map((step) => `${step.symbol} ${step.via}`)).toEqual([
      "src/server.js module-load",
      "(module) module-load",
      "helper call",
    ]);
  });

  it("finds exports.c = function () {} by its exported name", async () => {
    const result = await scanFiles({
      "package.json": JSON.stringify({ name: "cjs-app", main: "src/server.js" }),
      "src/server.js": lines('const lib = require("./lib");', "lib.go();"),
      "src/lib.js": lines("exports.go = function () {", "  return 1;", "};"),
    });
    const lookup = findNode(result.context, "go");
    expect(lookup.kind).toBe("found");
    if (lookup.kind !== "found") return;
    expect(explainNode(result.context, lookup.id)).toMatchObject({ live: true, target: { symbol: "exports.go", line: 1, column: 9 } });
  });
});
