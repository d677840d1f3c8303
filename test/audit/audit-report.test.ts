// `deadflag audit`: the HTML report opened in a real headless browser (Debian's chromium through
// playwright-core): it renders offline, the chart is visible, and every section is there with the
// Knight Capital story in it; and the markdown version has the same sections.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

const executablePath = "/usr/bin/chromium";
const hasChromium = existsSync(executablePath);
const chromiumRequired = process.env["DEADFLAG_REQUIRE_CHROMIUM"] === "1";
let scratch: string;
let repo: string;

beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), "deadflag-audit-"));
  repo = path.join(scratch, "knight");
  execFileSync(process.execPath, [path.resolve("examples/knight-capital/build-history.mjs"), repo], { stdio: "ignore" });
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("deadflag audit", () => {
  it("writes deadflag-report.html and says what is in it on one line", () => {
    const result = runCli(["audit", repo, "--no-cache"], scratch);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe("deadflag audit: 2 flags, 1 reuse incident, 94 lines of dead code; report written to deadflag-report.html\n");
    const html = readFileSync(path.join(scratch, "deadflag-report.html"), "utf8");
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it("prints markdown with the same sections and the reuse incident's two meanings", () => {
    const result = runCli(["audit", repo, "--no-cache", "--format", "markdown"]);
    expect(result.status).toBe(0);
    const headings = result.stdout.split("\n").filter((line) => line.startsWith("#"));
    expect(headings).toEqual([
      "# deadflag audit: knight",
      "## Flags over time",
      "## Reuse incidents (1)",
      "## Flag inventory (2)",
      "## Dead code, biggest wins first (94 lines)",
    ]);
    expect(result.stdout).toContain("| power\\-peg | repurposed | 60a36fe | 2012-07-27 | PowerPeg (src/legacy/powerPeg.ts) | routeToRetailLiquidityProgram (src/rlp.ts) |".replace("power\\-peg", "power-peg"));
    expect(result.stdout).toContain("| 63 | src/legacy/powerPeg.ts:1 | the whole file | no-unused-file |");
  });

  it.runIf(hasChromium || chromiumRequired)("renders in headless chromium without the network: chart visible, every section there", { timeout: 120_000 }, async () => {
    const report = path.join(scratch, "report.html");
    expect(runCli(["audit", repo, "--no-cache", "--output", report]).status).toBe(0);
    // A fresh profile each run: playwright takes the user-data-dir as the persistent context's directory.
    const browser = await chromium.launchPersistentContext(mkdtempSync(path.join(scratch, "profile-")), {
      executablePath,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on("request", (request) => {
        if (!request.url().startsWith("file:")) requests.push(request.url());
      });
      await page.goto(pathToFileURL(report).href);
      expect(requests).toEqual([]);
      expect(await page.title()).toBe("deadflag audit: knight");
      for (const id of ["summary", "timeline", "reuse", "flags", "dead-code"]) expect(await page.locator(`#${id}`).isVisible(), id).toBe(true);
      const chart = page.locator("#timeline-chart");
      expect(await chart.isVisible()).toBe(true);
      const box = await chart.boundingBox();
      expect(box?.width).toBeGreaterThan(400);
      expect(box?.height).toBeGreaterThan(100);
      expect(await chart.locator("path.flags").count()).toBe(1);
      expect(await chart.locator("circle.incident").count()).toBe(1);
      const incident = page.locator("#reuse article.incident");
      expect(await incident.count()).toBe(1);
      expect(await incident.locator(".before").innerText()).toContain("PowerPeg (src/legacy/powerPeg.ts)");
      expect(await incident.locator(".after").innerText()).toContain("routeToRetailLiquidityProgram (src/rlp.ts)");
      expect(await page.locator("#flags tbody tr").allInnerTexts()).toEqual([expect.stringMatching(/^power-peg\tactive\t2\t1\topenfeature/), expect.stringMatching(/^smart-routing\tactive\t1\t1\topenfeature/)]);
      const sizes = await page.locator("#dead-code tbody tr td:first-child").allInnerTexts();
      expect(sizes.map(Number)).toEqual([63, 15, 12, 4]);
    } finally {
      await browser.close();
    }
  });

  it.skipIf(hasChromium || chromiumRequired)("(skipped: /usr/bin/chromium is not installed here; apt-get install chromium, as .ci/run does)", () => {});
});
