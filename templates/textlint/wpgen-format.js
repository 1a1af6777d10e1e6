// textlint's findings for wpgen lint --prose, one a line:
// file, line, column, rule and message, separated by tabs (a tab or
// line break in a message becomes a space), so that wpgen can map each
// to its service.xml line without a JSON reader.
"use strict";
module.exports = function (results) {
	const out = [];
	for (const r of results)
		for (const m of r.messages)
			out.push([r.filePath, m.line, m.column, m.ruleId,
			    String(m.message).replace(/[\t\r\n]+/g, " ")]
			    .join("\t"));
	return out.length ? out.join("\n") + "\n" : "";
};
