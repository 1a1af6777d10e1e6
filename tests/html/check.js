/*
 * check.js: what tests/html/drive.js asks of a page, evaluated in the
 * page by headless Chromium.  Defines window.wpgenCheck; each check
 * returns { ok, details } for the state the page is in (viewport width,
 * colour scheme, print media), as drive.js set it up.  Nothing here
 * knows how html.xsl and index.xsl write a page beyond these ids and
 * classes (README.md, The web page): #toc, #history, main, .table-wrap,
 * .scroll-hint, a.rev-mark, a[type="application/pdf"], li.paper#paper-<id>
 * with .changes.
 */
window.wpgenCheck = (function () {
	"use strict";

	function ok(d) { return { ok: true, details: d }; }
	function fail(d) { return { ok: false, details: d }; }
	function $(s, r) { return (r || document).querySelector(s); }
	function $$(s, r) { return Array.prototype.slice.call((r || document).querySelectorAll(s)); }
	function shown(e) { return !!e && e.checkVisibility({ visibilityProperty: true }); }
	function top(e) { return Math.round(e.getBoundingClientRect().top + window.scrollY); }
	function px(n) { return Math.round(n) + " px"; }

	function describe(e) {
		var s = e.tagName.toLowerCase();
		if (e.id)
			s += "#" + e.id;
		else if (typeof e.className === "string" && e.className)
			s += "." + e.className.trim().split(/\s+/).join(".");
		return s;
	}

	/* Relative luminance (WCAG) of a computed colour, or -1 for none. */
	function luminance(c) {
		var m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(c);
		if (!m || m[4] === "0")
			return -1;
		var v = [m[1], m[2], m[3]].map(function (x) {
			x = x / 255;
			return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4);
		});
		return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
	}

	/* The background an element is seen on: its own or an ancestor's. */
	function background(e) {
		for (; e; e = e.parentElement) {
			var l = luminance(getComputedStyle(e).backgroundColor);
			if (l >= 0)
				return l;
		}
		return 1;
	}

	/* ---- every page --------------------------------------------------- */

	function basics() {
		var bad = [];
		if (document.documentElement.lang !== "ja")
			bad.push('lang="' + document.documentElement.lang + '", not "ja"');
		if (document.scripts.length)
			bad.push(document.scripts.length + " script elements");
		var on = $$("*").filter(function (e) {
			return Array.prototype.some.call(e.attributes, function (a) {
				return /^on/i.test(a.name);
			});
		});
		if (on.length)
			bad.push(on.length + " elements with event handler attributes");
		return bad.length ? fail(bad.join(", ")) :
		    ok('lang="ja", no script');
	}

	function links() {
		var as = $$('a[href^="#"]'), bad = [];
		as.forEach(function (a) {
			var h = a.getAttribute("href").slice(1), id;
			try { id = decodeURIComponent(h); } catch (e) { id = h; }
			if (id === "" || !document.getElementById(id))
				bad.push("#" + h);
		});
		if (bad.length)
			return fail(bad.length + " of " + as.length +
			    " in-page links lead nowhere: " + bad.slice(0, 5).join(" "));
		return ok(as.length + " in-page links resolve");
	}

	/* The nearest ancestor that scrolls sideways (overflow-x auto or
	 * scroll), or null. */
	function scroller(e) {
		for (e = e.parentElement; e && e !== document.body; e = e.parentElement) {
			var o = getComputedStyle(e).overflowX;
			if (o === "auto" || o === "scroll")
				return e;
		}
		return null;
	}

	/* Visually hidden on purpose (the .vh pattern: 1 px, clipped). */
	function tiny(e) {
		var r = e.getBoundingClientRect();
		return r.width <= 1 && r.height <= 1;
	}

	/* No sideways scroll of the page; an element past the right edge is
	 * allowed only inside a box that scrolls on its own and ends within
	 * the screen; nothing clipped by an overflow: hidden box. */
	function width() {
		var vw = document.documentElement.clientWidth;
		var sw = document.scrollingElement.scrollWidth;
		var els = $$("body *"), wide = [], cut = [], inbox = 0;
		els.forEach(function (e) {
			var r = e.getBoundingClientRect(), s;
			if (r.right > vw + 1) {
				s = scroller(e);
				if (s && s.getBoundingClientRect().right <= vw + 1)
					inbox++;
				else
					wide.push(describe(e) + " (right " + Math.round(r.right) + ")");
			}
			var o = getComputedStyle(e).overflowX;
			if ((o === "hidden" || o === "clip") && !tiny(e) &&
			    !(e instanceof SVGElement) &&
			    e.scrollWidth > e.clientWidth + 1)
				cut.push(describe(e));
		});
		if (sw > vw || wide.length || cut.length)
			return fail("viewport " + vw + " px, page " + sw + " px wide, " +
			    wide.length + " elements past the right edge: " +
			    wide.slice(0, 4).join(", ") + (cut.length ? "; cut off: " +
			    cut.slice(0, 4).join(", ") : ""));
		return ok(els.length + " elements within " + vw + " px" +
		    (inbox ? " (" + inbox + " inside boxes that scroll)" : ""));
	}

	/* A table wider than its column scrolls in its own box, which shows
	 * a cue and takes the keyboard; one that fits shows none.  Folded
	 * parts (the history) are opened for the count, and closed again.
	 * expect.wide, when given, is how many must be wider. */
	function tables(expect) {
		var folded = $$("details:not([open])");
		folded.forEach(function (d) { d.open = true; });
		var ws = $$(".table-wrap").filter(shown), bad = [], wide = 0;
		ws.forEach(function (w) {
			var over = w.scrollWidth > w.clientWidth + 1;
			var cue = $(".scroll-hint", w) || (w.previousElementSibling &&
			    w.previousElementSibling.matches(".scroll-hint") ?
			    w.previousElementSibling : null);
			var o = getComputedStyle(w).overflowX;
			if (over) {
				wide++;
				if (o !== "auto" && o !== "scroll")
					bad.push("a wide table does not scroll in its box");
				if (!shown(cue))
					bad.push("a table " + px(w.scrollWidth) + " wide in " +
					    px(w.clientWidth) + " shows no cue");
				if (w.tabIndex < 0)
					bad.push("a box that scrolls cannot take the keyboard");
			} else if (cue && shown(cue))
				bad.push("a table that fits shows a scroll cue");
		});
		folded.forEach(function (d) { d.open = false; });
		if (expect && expect.wide !== undefined && wide !== expect.wide)
			bad.push(wide + " tables wider than the screen, not " + expect.wide);
		if (bad.length)
			return fail(bad.join("; "));
		return ok(ws.length + " tables, " + wide +
		    " wider than the screen, scrolling in their boxes with a cue");
	}

	/* Text that speaks of pages belongs to the PDF, not to a web page. */
	function wording() {
		var t = document.body.innerText;
		var m = /次頁|前頁|次ページ以降|前ページ/.exec(t);
		if (m)
			return fail("「" + t.substr(Math.max(0, m.index - 12), 24).replace(/\s+/g, " ") +
			    "」: a web page has no pages");
		return ok("no page references");
	}

	/* Colours: the scheme asked for, the SVG figures with it; print is
	 * light whatever the screen's scheme. */
	function scheme() {
		var dark = matchMedia("(prefers-color-scheme: dark)").matches &&
		    !matchMedia("print").matches;
		var paper = $("main") || document.body;
		var bg = background(paper), fg = luminance(getComputedStyle(paper).color);
		var bad = [];
		if (dark) {
			if (!(bg < 0.1 && fg > 0.5))
				bad.push("dark scheme asked for, page background luminance " +
				    bg.toFixed(2) + ", text " + fg.toFixed(2));
			if (!/dark/.test(getComputedStyle(document.documentElement).colorScheme))
				bad.push("color-scheme does not say dark");
			$$("svg rect").forEach(function (r) {
				var l = luminance(getComputedStyle(r).fill);
				if (l > 0.35)
					bad.push("a figure's box stays light (" + getComputedStyle(r).fill + ")");
			});
			$$("svg text").forEach(function (t) {
				var l = luminance(getComputedStyle(t).fill);
				if (l >= 0 && l < 0.3)
					bad.push("a figure's text stays dark (" + t.textContent.slice(0, 12) + ")");
			});
		} else if (!(bg > 0.8 && fg < 0.1))
			bad.push("light scheme, page background luminance " +
			    bg.toFixed(2) + ", text " + fg.toFixed(2));
		if (bad.length)
			return fail(bad.slice(0, 4).join("; ") + (bad.length > 4 ?
			    " (" + bad.length + " in all)" : ""));
		return ok((dark ? "dark" : "light") + ": background " + bg.toFixed(2) +
		    ", text " + fg.toFixed(2) + ($("svg") ? ", figures follow" : ""));
	}

	/* Print: light, the history open, nothing for the screen only. */
	function print() {
		var bad = [], paper = $("main") || document.body;
		var bg = background(paper), fg = luminance(getComputedStyle(paper).color);
		if (!(bg > 0.8 && fg < 0.1))
			bad.push("printed with background luminance " + bg.toFixed(2) +
			    ", text " + fg.toFixed(2));
		var lightBoxes = $$("svg rect").filter(function (r) {
			return luminance(getComputedStyle(r).fill) > 0.5;
		}).length;
		if ($("svg") && !lightBoxes)
			bad.push("the figures print dark");
		var h = $("#history table");
		if ($("#history") && !shown(h))
			bad.push("the revision history is folded in print");
		$$('a[href="#top"], a[href="#main"]').forEach(function (a) {
			if (shown(a) && getComputedStyle(a).position === "fixed")
				bad.push("a link for the screen is printed");
		});
		if (bad.length)
			return fail(bad.join("; "));
		return ok("light" + (h ? ", the history open" : ""));
	}

	/* ---- a whitepaper ------------------------------------------------- */

	/* The first paragraph of the body text (after the history). */
	function firstText() {
		return $$("main p").filter(function (p) {
			return !p.closest("#history") && shown(p) && p.textContent.trim();
		})[0];
	}

	/* The first thing the keyboard reaches: a link to the main text,
	 * seen when focused. */
	function skipLink() {
		var f = $$("a[href], button, input, select, textarea, summary, [tabindex]")
		    .filter(function (e) { return e.tabIndex >= 0; })[0];
		if (!f || !/^#./.test(f.getAttribute("href") || ""))
			return "the first focusable element (" + (f ? describe(f) : "none") +
			    ") is no skip link";
		var t = document.getElementById(f.getAttribute("href").slice(1));
		if (!t || !(t.matches("main") || t.closest("main") || t.querySelector("main")))
			return "the skip link does not lead to the main text";
		f.focus();
		var r = f.getBoundingClientRect();
		f.blur();
		if (r.width < 10 || r.height < 10 || r.top < 0 || r.top > innerHeight)
			return "the skip link is not seen when focused";
		return "";
	}

	/* A link back to the top, seen once the reader has scrolled. */
	function toTop() {
		window.scrollTo(0, document.scrollingElement.scrollHeight / 2);
		var a = $$('a[href^="#"]').filter(function (a) {
			var t = document.getElementById(a.getAttribute("href").slice(1));
			var r = a.getBoundingClientRect();
			return t && top(t) < 50 && shown(a) && r.top >= 0 &&
			    r.bottom <= innerHeight;
		})[0];
		window.scrollTo(0, 0);
		return a ? "" : "no link back to the top in view halfway down";
	}

	/* 375 px: the contents before the history, the history folded (and
	 * opened by a link into it), a skip link, a way back to the top. */
	function narrow() {
		var toc = $("#toc"), hist = $("#history"), p = firstText(), bad = [], s;
		if (!toc || !shown(toc))
			return fail("no contents (#toc) shown");
		if (hist) {
			var d = $("details", hist), row = $("tr[id]", hist);
			if (top(hist) < top(toc))
				bad.push("the history (" + px(top(hist)) + ") comes before the contents (" +
				    px(top(toc)) + ")");
			if (!d || d.open || shown($("table", hist)))
				bad.push("the history is not folded");
			else if (row) {
				location.hash = "#" + row.id;
				if (!d.open || !shown(row))
					bad.push("a link into the folded history does not open it");
				d.open = false;
				history.replaceState(null, "", location.pathname);
			}
		}
		if ((s = skipLink()))
			bad.push(s);
		if ((s = toTop()))
			bad.push(s);
		var where = "contents at " + px(top(toc)) + (hist ? ", history at " +
		    px(top(hist)) : "") + (p ? ", first paragraph at " +
		    px(top(p)) : "") + " of " + px(document.scrollingElement.scrollHeight);
		return bad.length ? fail(bad.join("; ") + " (" + where + ")") : ok(where);
	}

	/* 1280 px: the contents in a column beside the text, in view when the
	 * reader is halfway down; the history open. */
	function wide() {
		var toc = $("#toc"), main = $("main"), bad = [];
		if (!toc || !main)
			return fail("no contents (#toc) or no main");
		var t = toc.getBoundingClientRect(), m = main.getBoundingClientRect();
		if (!(t.right <= m.left + 1))
			bad.push("the contents are not beside the text (contents right " +
			    px(t.right) + ", text left " + px(m.left) + ")");
		window.scrollTo(0, document.scrollingElement.scrollHeight / 2);
		t = toc.getBoundingClientRect();
		window.scrollTo(0, 0);
		if (!(t.top >= 0 && t.top < innerHeight / 2 && t.bottom > innerHeight / 2))
			bad.push("halfway down the contents are out of view (top " + px(t.top) + ")");
		if ($("#history") && !shown($("#history table")))
			bad.push("the history is folded");
		return bad.length ? fail(bad.join("; ")) :
		    ok("contents column " + px(t.right - t.left) + " wide, in view halfway down");
	}

	/* The clauses the newest revision names, and only they, carry a
	 * visible mark that leads to its row of the history. */
	function marks(expect) {
		var want = expect.marks || [], row = expect.row, bad = [], n = 0;
		$$('section[id^="ctl-"]').forEach(function (c) {
			var m = $$("a.rev-mark", c).filter(function (a) {
				return a.closest('section[id^="ctl-"]') === c;
			})[0];
			var named = want.indexOf(c.id) >= 0;
			if (named && !m)
				bad.push(c.id + " has no mark");
			else if (!named && m)
				bad.push(c.id + " is marked but not named by the newest revision");
			else if (m) {
				n++;
				var h = m.getAttribute("href"), t = document.getElementById(h.slice(1));
				if (h !== "#" + row || !t || !t.closest("#history"))
					bad.push(c.id + "'s mark leads to " + h + ", not to the history row #" + row);
				if (!shown(m) || m.textContent.indexOf(expect.version) < 0)
					bad.push(c.id + "'s mark does not show version " + expect.version);
			}
		});
		want.forEach(function (id) {
			if (!document.getElementById(id))
				bad.push(id + " is not in the page");
		});
		if (bad.length)
			return fail(bad.slice(0, 5).join("; "));
		return ok(n + " clauses marked" + (n ? " (" + want.join(" ") + ") → #" + row : ""));
	}

	/* The PDF link says how big the file is. */
	function pdf(expect) {
		var a = $('a[type="application/pdf"]');
		if (!a)
			return fail("no link to the PDF");
		var m = /([\d.,]+)\s*(KB|MB)/.exec(a.textContent);
		if (!m)
			return fail("the PDF link (" + a.textContent.trim() + ") states no size");
		var n = parseFloat(m[1].replace(/,/g, "")), unit = m[2] === "MB" ? 1048576 : 1024;
		var want = expect.bytes / unit;
		if (Math.abs(n - want) > (m[2] === "MB" ? 0.05 : 0.5) + 1e-9)
			return fail("the PDF link says " + m[0] + ", the file has " + expect.bytes + " bytes");
		return ok("「" + a.textContent.trim() + "」 for " + expect.bytes + " bytes");
	}

	/* Headings break between phrases: where the model gave the breaks
	 * (<wbr>), no phrase that fits on a line is split across two. */
	function headings(expect) {
		var hs = $$("h1, h2, h3, h4, h5, h6").filter(function (h) {
			return shown(h) && h.querySelector("wbr");
		});
		var bad = [];
		hs.forEach(function (h) {
			var wbrs = $$("wbr", h), width = h.getBoundingClientRect().width;
			var start = { node: h, offset: 0 };
			wbrs.concat([null]).forEach(function (w) {
				var r = document.createRange();
				r.setStart(start.node, start.offset);
				if (w)
					r.setEndBefore(w);
				else
					r.setEnd(h, h.childNodes.length);
				var rects = Array.prototype.filter.call(r.getClientRects(), function (x) {
					return x.width > 0;
				});
				var tops = new Set(rects.map(function (x) { return Math.round(x.top); }));
				var phrase = r.toString();
				var wd = rects.reduce(function (a, x) { return a + x.width; }, 0);
				if (tops.size > 1 && wd < width - 1)
					bad.push("「" + phrase + "」 split in " + describe(h));
				if (w)
					start = { node: w.parentNode, offset: Array.prototype.indexOf.call(w.parentNode.childNodes, w) + 1 };
			});
		});
		if (expect && expect.phrases && !hs.length)
			bad.push("the model gave phrase breaks, no heading shows them");
		if (bad.length)
			return fail(bad.slice(0, 4).join("; "));
		return ok(hs.length ? hs.length + " headings with phrase breaks, none split inside a phrase" :
		    "no heading carries phrase breaks (the model has none)");
	}

	function axe() {
		/* all rules axe runs by default: WCAG A, AA and best practices */
		return window.axe.run(document, { resultTypes: ["violations"] }).then(function (r) {
			if (r.violations.length)
				return fail(r.violations.length + " violations: " + r.violations.map(function (v) {
					return v.id + " (" + v.nodes.length + ": " +
					    v.nodes[0].target.join(" ") + ")";
				}).slice(0, 5).join(", "));
			return ok("0 violations (" + r.passes.length + " rules pass, axe " + window.axe.version + ")");
		});
	}

	/* ---- a reviewer's copy (a redline, a comparison) ------------------- */

	/* What changed is marked and told apart by more than its colour: a
	 * main landmark and the legend; at least as many insertions and
	 * deletions as the model holds (expect.ins, expect.del), each
	 * underlined or struck through and said in words to a screen reader
	 * (its ::before and ::after), every paragraph or item that holds
	 * one with a bar beside it. */
	function review(expect) {
		var bad = [], ins = $$("main ins"), del = $$("main del");
		if (!$("main"))
			bad.push("no main landmark");
		if (!shown($(".legend")))
			bad.push("no legend of the marks in view");
		if (ins.length < (expect.ins || 1))
			bad.push(ins.length + " insertions, the model has " + expect.ins);
		if (del.length < (expect.del || 1))
			bad.push(del.length + " deletions, the model has " + expect.del);
		[["ins", ins, "underline"], ["del", del, "line-through"]].forEach(function (k) {
			var plain = k[1].filter(function (e) {
				var cs = getComputedStyle(e);
				return cs.textDecorationLine.indexOf(k[2]) < 0 ||
				    getComputedStyle(e, "::before").content === "none" ||
				    getComputedStyle(e, "::after").content === "none";
			});
			if (plain.length)
				bad.push(plain.length + " " + k[0] + " without " + k[2] +
				    " or words for a screen reader: " + describe(plain[0]));
		});
		var nobar = $$("main p, main .list > li").filter(function (e) {
			return !e.closest(".legend, td, th") && $(":scope > ins, :scope > del", e) &&
			    parseFloat(getComputedStyle(e).borderLeftWidth) < 2;
		});
		if (nobar.length)
			bad.push(nobar.length + " changed paragraphs or items without a bar: " +
			    describe(nobar[0]));
		if (bad.length)
			return fail(bad.slice(0, 4).join("; "));
		return ok(ins.length + " insertions, " + del.length +
		    " deletions, underlined, struck through and said; a legend");
	}

	/* ---- the index ---------------------------------------------------- */

	/* Every whitepaper lists what its newest revision changed; every
	 * date has one format. */
	function index(expect) {
		var bad = [], papers = $$("li.paper"), want = expect.changes || {};
		var shapes = new Set($$("time").map(function (t) {
			return t.textContent.trim().replace(/\d/g, "9");
		}));
		if (shapes.size > 1)
			bad.push("dates in " + shapes.size + " formats: " + Array.from(shapes).join(" "));
		if (papers.length !== Object.keys(want).length)
			bad.push(papers.length + " whitepapers listed, " + Object.keys(want).length + " built");
		Object.keys(want).forEach(function (id) {
			var li = papers.filter(function (p) { return p.id === "paper-" + id; })[0];
			var n = li ? $$(".changes li", li).length : -1;
			if (n !== want[id])
				bad.push(id + ": " + (n < 0 ? "not listed" : n + " changes shown") +
				    ", its newest revision has " + want[id]);
		});
		if (bad.length)
			return fail(bad.join("; "));
		return ok(papers.length + " whitepapers with their newest changes, dates as " +
		    Array.from(shapes).join(""));
	}

	return { basics: basics, links: links, width: width, tables: tables,
	    wording: wording, scheme: scheme, print: print, narrow: narrow,
	    wide: wide, marks: marks, pdf: pdf, headings: headings, axe: axe,
	    index: index, review: review };
})();
