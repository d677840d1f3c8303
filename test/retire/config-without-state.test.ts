// A retired key's entry leaves `flags.states` of a JSON config as a text edit: the other entries,
// their layout and the rest of the file stay as they were.
import { describe, expect, it } from "vitest";
import { configWithoutState } from "../../src/retire/config-without-state.js";

describe("configWithoutState", () => {
  const config = '{\n  "entry": ["src/index.ts"],\n  "flags": {\n    "states": {\n      "a": "on",\n      "b": "retired",\n      "c": "off"\n    }\n  }\n}\n';

  it("removes an entry with its line, the last one with the comma before it, and the only one leaving {}", () => {
    expect(configWithoutState("deadflag.config.json", config, "b")).toBe(config.replace('      "b": "retired",\n', ""));
    expect(configWithoutState("deadflag.config.json", config, "c")).toBe(config.replace(',\n      "c": "off"', ""));
    const single = '{ "flags": { "states": { "b": "retired" }, "sdks": ["openfeature"] } }\n';
    expect(configWithoutState(".deadflagrc.json", single, "b")).toBe('{ "flags": { "states": {}, "sdks": ["openfeature"] } }\n');
    const inline = '{ "flags": { "states": { "a": "on", "b": "off", "c": "on" } } }';
    expect(configWithoutState("deadflag.config.json", inline, "b")).toBe('{ "flags": { "states": { "a": "on", "c": "on" } } }');
  });

  it("edits package.json under its deadflag key, and leaves a key that is not there or a config in code alone", () => {
    const manifest = '{\n  "name": "x",\n  "flags": { "states": { "b": "on" } },\n  "deadflag": { "flags": { "states": { "a": "on", "b": "off" } } }\n}\n';
    expect(configWithoutState("package.json", manifest, "b")).toBe(manifest.replace('"a": "on", "b": "off"', '"a": "on"'));
    expect(configWithoutState("deadflag.config.json", config, "d")).toBeUndefined();
    expect(configWithoutState("deadflag.config.ts", "export default { flags: { states: { b: 'on' } } };\n", "b")).toBeUndefined();
  });
});
