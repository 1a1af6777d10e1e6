/*
 * drive.js: runs the checks of tests/html/check.js on HTML pages in
 * headless Chromium, driven over the DevTools protocol (a pipe, so no
 * port and no dependency: Node's own child_process).  Run by run.sh:
 *
 *   node drive.js CHROMIUM AXE_JS SHOTS_DIR PLAN
 *
 * PLAN holds one page a line, tab-separated:
 *   NAME  FILE  KIND  EXPECT
 * KIND is "paper" (a whitepaper), "review" (a redline or a comparison)
 * or "index"; EXPECT is JSON, what the page must show that only the
 * build knows (the clauses the newest revision names, the PDF's size,
 * the changes each index entry lists, the marks a redline holds).
 *
 * Each page is opened in four states: 375 px (a phone, the viewport
 * emulated as a mobile device's) and 1280 px wide, light and dark
 * (prefers-color-scheme emulated); at 1280 px it is also printed (print
 * media emulated), light and dark.  Prints one line a page and check:
 * "ok|FAIL NAME CHECK DETAILS", the details of a check summed over the
 * states it ran in, and writes screenshots NAME-{375,1280}{,-dark}.png
 * (the first screen) and NAME-1280-mid.png (halfway down, the contents
 * column in view).  Exit status: 0 when every line was written (pass or
 * fail), 2 when the browser could not be driven.  Required as a module,
 * it gives browser() and tab(), to look at a page by hand.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const os = require("os");
const { spawn } = require("child_process");

const [chromium, axePath, shots, planPath] = process.argv.slice(2);
const checkSource = fs.readFileSync(path.join(__dirname, "check.js"), "utf8");
let axeSource = "";

/* ---- the DevTools protocol over a pipe ------------------------------- */

function browser(chromium) {
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), "wpgen-chrome."));
	const child = spawn(chromium, [
		"--headless", "--no-sandbox", "--disable-gpu",
		"--disable-background-networking", "--disable-component-update",
		"--disable-sync", "--no-first-run", "--hide-scrollbars",
		"--remote-debugging-pipe", "--user-data-dir=" + profile,
		"about:blank",
	], { stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"] });
	let next = 1, buf = "", log = "";
	const waiting = new Map(), listeners = [];

	child.stderr.on("data", (d) => { log = (log + d).slice(-4000); });
	child.stdio[4].on("data", (d) => {
		buf += d.toString("utf8");
		let i;
		while ((i = buf.indexOf("\0")) >= 0) {
			const msg = JSON.parse(buf.slice(0, i));
			buf = buf.slice(i + 1);
			if (msg.id && waiting.has(msg.id)) {
				const w = waiting.get(msg.id);
				waiting.delete(msg.id);
				if (msg.error)
					w.reject(new Error(w.method + ": " + msg.error.message));
				else
					w.resolve(msg.result);
			} else if (msg.method)
				listeners.slice().forEach((l) => l(msg));
		}
	});
	const dead = new Promise((resolve) => child.on("exit", resolve));
	dead.then(() => waiting.forEach((w) =>
	    w.reject(new Error("the browser exited: " + log.trim().split("\n").pop()))));

	function send(method, params, sessionId) {
		const id = next++;
		const msg = { id, method, params: params || {} };
		if (sessionId)
			msg.sessionId = sessionId;
		return new Promise((resolve, reject) => {
			waiting.set(id, { resolve, reject, method });
			child.stdio[3].write(JSON.stringify(msg) + "\0");
		});
	}
	function once(method, sessionId, ms) {
		return new Promise((resolve, reject) => {
			const t = setTimeout(() => {
				listeners.splice(listeners.indexOf(l), 1);
				reject(new Error("no " + method + " within " + ms + " ms"));
			}, ms);
			const l = (msg) => {
				if (msg.method === method && msg.sessionId === sessionId) {
					clearTimeout(t);
					listeners.splice(listeners.indexOf(l), 1);
					resolve(msg.params);
				}
			};
			listeners.push(l);
		});
	}
	async function close() {
		try { await send("Browser.close"); } catch (e) { child.kill(); }
		await dead;
		fs.rmSync(profile, { recursive: true, force: true });
	}
	return { send, once, close };
}

/* ---- one page in one state ------------------------------------------- */

const STATES = [];
for (const width of [375, 1280])
	for (const scheme of ["light", "dark"])
		STATES.push({ width, scheme, height: width === 375 ? 812 : 900 });

async function tab(b) {
	const { targetId } = await b.send("Target.createTarget", { url: "about:blank" });
	const { sessionId } = await b.send("Target.attachToTarget", { targetId, flatten: true });
	const send = (m, p) => b.send(m, p, sessionId);
	await send("Page.enable");
	await send("Runtime.enable");
	return {
		send,
		async open(file, st) {
			await send("Emulation.setDeviceMetricsOverride", {
				width: st.width, height: st.height, deviceScaleFactor: 1,
				mobile: st.width < 600,
			});
			await this.media("", st.scheme);
			const loaded = b.once("Page.loadEventFired", sessionId, 30000);
			await send("Page.navigate", { url: "file://" + file });
			await loaded;
			await this.run(checkSource);
			await this.run("document.fonts.ready.then(() => true)");
		},
		media(media, scheme) {
			return send("Emulation.setEmulatedMedia", { media,
			    features: [{ name: "prefers-color-scheme", value: scheme }] });
		},
		async run(expr) {
			const r = await send("Runtime.evaluate", { expression: expr,
			    awaitPromise: true, returnByValue: true });
			if (r.exceptionDetails)
				throw new Error("script error: " + (r.exceptionDetails.exception ?
				    r.exceptionDetails.exception.description : r.exceptionDetails.text));
			return r.result.value;
		},
		async shot(file) {
			const r = await send("Page.captureScreenshot", { format: "png" });
			fs.writeFileSync(file, Buffer.from(r.data, "base64"));
		},
		close() { return b.send("Target.closeTarget", { targetId }); },
	};
}

/* ---- the checks a page gets, state by state ------------------------- */

/*
 * Each entry: the check's name, the states it runs in (a predicate) and
 * the expression check.js answers it with ({ok, details}).  "print" runs
 * with print media emulated after the screen checks of the state.
 */
const PAPER = [
	["lang", (s) => s.width === 1280 && s.scheme === "light", "wpgenCheck.basics()"],
	["links", (s) => s.width === 1280 && s.scheme === "light", "wpgenCheck.links()"],
	["width", (s) => s.width === 375, "wpgenCheck.width()"],
	["tables", (s) => s.width === 375, "wpgenCheck.tables(EXPECT)"],
	["narrow", (s) => s.width === 375, "wpgenCheck.narrow()"],
	["wide", (s) => s.width === 1280, "wpgenCheck.wide()"],
	["dark", () => true, "wpgenCheck.scheme()"],
	["marks", (s) => s.width === 1280 && s.scheme === "light", "wpgenCheck.marks(EXPECT)"],
	["pdf", (s) => s.width === 1280 && s.scheme === "light", "wpgenCheck.pdf(EXPECT)"],
	["wording", (s) => s.width === 1280 && s.scheme === "light", "wpgenCheck.wording()"],
	["headings", () => true, "wpgenCheck.headings(EXPECT)"],
	["axe", () => true, "wpgenCheck.axe()"],
	["print", (s) => s.width === 1280, "wpgenCheck.print()", "print"],
];
const INDEX = [
	["lang", (s) => s.width === 1280 && s.scheme === "light", "wpgenCheck.basics()"],
	["links", (s) => s.width === 1280 && s.scheme === "light", "wpgenCheck.links()"],
	["width", (s) => s.width === 375, "wpgenCheck.width()"],
	["dark", () => true, "wpgenCheck.scheme()"],
	["changes", (s) => s.width === 1280 && s.scheme === "light", "wpgenCheck.index(EXPECT)"],
	["wording", (s) => s.width === 1280 && s.scheme === "light", "wpgenCheck.wording()"],
	["headings", () => true, "wpgenCheck.headings(EXPECT)"],
	["axe", () => true, "wpgenCheck.axe()"],
	["print", (s) => s.width === 1280, "wpgenCheck.print()", "print"],
];

/* A reviewer's copy: a whitepaper's checks that do not depend on its
 * being one, and the marks. */
const REVIEW = [
	["lang", (s) => s.width === 1280 && s.scheme === "light", "wpgenCheck.basics()"],
	["links", (s) => s.width === 1280 && s.scheme === "light", "wpgenCheck.links()"],
	["width", (s) => s.width === 375, "wpgenCheck.width()"],
	["tables", (s) => s.width === 375, "wpgenCheck.tables(EXPECT)"],
	["dark", () => true, "wpgenCheck.scheme()"],
	["review", () => true, "wpgenCheck.review(EXPECT)"],
	["wording", (s) => s.width === 1280 && s.scheme === "light", "wpgenCheck.wording()"],
	["headings", () => true, "wpgenCheck.headings(EXPECT)"],
	["axe", () => true, "wpgenCheck.axe()"],
	["print", (s) => s.width === 1280, "wpgenCheck.print()", "print"],
];

function stateName(s) {
	return s.width + (s.scheme === "dark" ? " dark" : "");
}

async function page(b, name, file, kind, expect) {
	const checks = kind === "index" ? INDEX : kind === "review" ? REVIEW : PAPER;
	const verdicts = new Map();
	const note = (c, st, v) => {
		if (!verdicts.has(c))
			verdicts.set(c, []);
		verdicts.get(c).push({ state: st, ok: v.ok, details: v.details });
	};
	const t = await tab(b);
	try {
		for (const st of STATES) {
			await t.open(file, st);
			for (const [c, when, expr, media] of checks) {
				if (!when(st) || media)
					continue;
				if (c === "axe")
					await t.run(axeSource);
				let v;
				try {
					v = await t.run(expr.replace("EXPECT", JSON.stringify(expect)));
				} catch (e) {
					v = { ok: false, details: String(e.message || e) };
				}
				note(c, stateName(st), v);
			}
			const base = path.join(shots, name + "-" + st.width +
			    (st.scheme === "dark" ? "-dark" : ""));
			await t.run("window.scrollTo(0, 0)");
			await t.shot(base + ".png");
			if (st.width === 1280 && st.scheme === "light") {
				await t.run("window.scrollTo(0, document.documentElement.scrollHeight / 2)");
				await t.shot(base + "-mid.png");
				await t.run("window.scrollTo(0, 0)");
			}
			for (const [c, when, expr, media] of checks) {
				if (!when(st) || !media)
					continue;
				await t.media(media, st.scheme);
				let v;
				try {
					v = await t.run(expr);
				} catch (e) {
					v = { ok: false, details: String(e.message || e) };
				}
				note(c, stateName(st) + " " + media, v);
				await t.media("", st.scheme);
			}
		}
	} finally {
		await t.close();
	}
	for (const [c] of checks) {
		const vs = verdicts.get(c) || [];
		const bad = vs.filter((v) => !v.ok);
		let line;
		if (vs.length === 0)
			line = "FAIL " + name + " " + c + " not run";
		else if (bad.length)
			line = "FAIL " + name + " " + c + " " + bad.map((v) =>
			    "[" + v.state + "] " + v.details).join("; ");
		else {
			/* the same details in every state: say it once */
			const ds = [...new Set(vs.map((v) => v.details))];
			line = "ok " + name + " " + c + " " + (ds.length === 1 ? ds[0] :
			    vs.map((v) => "[" + v.state + "] " + v.details).join("; "));
		}
		process.stdout.write(line.replace(/\s+/g, " ") + "\n");
	}
}

async function main() {
	if (!planPath) {
		process.stderr.write("usage: node drive.js CHROMIUM AXE_JS SHOTS_DIR PLAN\n");
		process.exit(2);
	}
	axeSource = fs.readFileSync(axePath, "utf8");
	const plan = fs.readFileSync(planPath, "utf8").split("\n").filter(Boolean)
	    .map((l) => l.split("\t"));
	const b = browser(chromium);
	let rc = 0;
	try {
		await b.send("Browser.getVersion");
		for (const [name, file, kind, expect] of plan)
			await page(b, name, file, kind, JSON.parse(expect || "{}"));
	} catch (e) {
		process.stderr.write("drive.js: " + (e.message || e) + "\n");
		rc = 2;
	}
	await b.close();
	process.exit(rc);
}

if (require.main === module)
	main();
else
	module.exports = { browser, tab };
