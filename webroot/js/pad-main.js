// Entry point of pad.html. Until the OT client is bound, the page shows this
// browser alone and the honest state "connexion…".
import { mountPadPage } from "./pad-page.js";

const page = await mountPadPage();
if (page) {
  const self = () => ({ clientId: "local", name: page.profile.name, color: page.profile.color });
  page.participants.update([self()], "local");
  page.onProfileChange(() => page.participants.update([self()], "local"));
  page.view.focus();
}
