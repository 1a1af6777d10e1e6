/*
 * check.js: injected by tests/html/run.sh into a copy of a page, run by
 * headless Chromium.  Checks that every in-page link resolves to an id
 * and that nothing is wider than the viewport, then writes one line a
 * check ("WPGEN:<check>:ok|FAIL:<details>") into a hidden element, and
 * posts the same text to the parent window when the page is in a frame.
 *
 * run.sh loads the copy in a 375 px wide iframe: headless Chromium keeps
 * a window at least 500 px wide (only --screenshot resizes the view), so
 * the frame is what gives the page a 375 px viewport.  The frame's parent
 * puts the verdict into its own DOM, which --dump-dom prints.
 */
(function () {
	"use strict";

	function describe(e) {
		var s = e.tagName.toLowerCase();
		if (e.id)
			s += "#" + e.id;
		else if (typeof e.className === "string" && e.className)
			s += "." + e.className.split(/\s+/).join(".");
		return s;
	}

	function links() {
		var as = document.querySelectorAll('a[href^="#"]');
		var bad = [], i, h, id;
		for (i = 0; i < as.length; i++) {
			h = as[i].getAttribute("href").slice(1);
			try { id = decodeURIComponent(h); } catch (e) { id = h; }
			if (id === "" || !document.getElementById(id))
				bad.push("#" + h);
		}
		if (bad.length)
			return "links:FAIL:" + bad.length + " of " + as.length +
			    " in-page links lead nowhere: " + bad.slice(0, 5).join(" ");
		return "links:ok:" + as.length + " in-page links resolve";
	}

	function width() {
		var vw = window.innerWidth;
		var sw = document.documentElement.scrollWidth;
		var els = document.body.getElementsByTagName("*");
		var wide = [], i, r;
		for (i = 0; i < els.length; i++) {
			r = els[i].getBoundingClientRect();
			if (r.right > vw + 1)
				wide.push(describe(els[i]) + " (right " + Math.round(r.right) + ")");
		}
		if (sw > vw || wide.length)
			return "width:FAIL:viewport " + vw + " px, page " + sw + " px wide, " +
			    wide.length + " elements past the right edge: " + wide.slice(0, 4).join(", ");
		return "width:ok:" + els.length + " elements within " + vw + " px";
	}

	function run() {
		var out = [], v;
		try { out.push(links()); } catch (e) { out.push("links:FAIL:script error " + e); }
		try { out.push(width()); } catch (e) { out.push("width:FAIL:script error " + e); }
		out = "\n" + out.map(function (l) { return "WPGEN:" + l; }).join("\n") + "\n";
		v = document.createElement("pre");
		v.id = "wpgen-verdict";
		v.hidden = true;
		v.textContent = out;
		document.body.appendChild(v);
		if (window.parent !== window)
			window.parent.postMessage(out, "*");
	}

	if (document.readyState === "complete")
		run();
	else
		window.addEventListener("load", run);
})();
