// Shown when the renderer keeps crashing: a visitor must not face a blank or flashing
// screen, and staff must know to step in. No script, no network, both languages.
export const CRASH_PAGE_HTML = `<!doctype html>
<html lang="id"><meta charset="utf-8"><title>Antre</title>
<body style="margin:0;height:100vh;display:grid;place-items:center;background:#fff;color:#111;
font-family:system-ui,sans-serif;text-align:center">
<main style="max-width:80vw">
<p style="font-size:clamp(32px,5vw,64px);font-weight:700;margin:0 0 .4em">Perangkat ini sedang bermasalah.</p>
<p style="font-size:clamp(28px,4vw,52px);margin:0 0 1.2em">Silakan gunakan perangkat lain atau hubungi petugas.</p>
<p lang="en" style="font-size:clamp(20px,2.5vw,32px);color:#444;margin:0">
This device has a problem. Please use another one or ask a staff member.</p>
</main></body></html>`;
