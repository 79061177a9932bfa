// Entry point of pad.html: the page (pad-page.js) bound to the server through a pad session.
import { startPadApp } from "./pad/pad-app.js";

document.documentElement.dataset.modules = "ran"; // js/browser-check.js looks for it

await startPadApp();
