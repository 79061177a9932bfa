// The list of people on the pad: a colour dot and a name each, this browser's
// person marked "(vous)". Names are user text: textContent only.
import { isColor, UNKNOWN_COLOR } from "./colors.js";

/**
 * Renders into `list` (a <ul>) and `count` (an element for "3 personnes").
 * @returns {{update(members: {clientId: string, authorId?: string, name: string, color: string}[], selfClientId?: string): void}}
 */
export function createParticipantList(list, count, i18n) {
  let last = { members: [], selfClientId: null };

  function render() {
    const { members, selfClientId } = last;
    const sorted = [...members].sort((a, b) =>
      (b.clientId === selfClientId) - (a.clientId === selfClientId) || String(a.name).localeCompare(String(b.name), i18n.lang));
    list.replaceChildren(...sorted.map((member) => {
      const item = document.createElement("li");
      item.className = "participant";
      const dot = document.createElement("span");
      dot.className = "participant-dot";
      dot.style.backgroundColor = isColor(member.color) ? member.color : UNKNOWN_COLOR;
      const name = document.createElement("span");
      name.className = "participant-name";
      name.textContent = member.name;
      item.append(dot, name);
      if (member.clientId === selfClientId) {
        const you = document.createElement("span");
        you.className = "participant-you";
        you.textContent = i18n.t("participants.you");
        item.append(you);
      }
      return item;
    }));
    count.textContent = i18n.t("participants.count", { count: members.length });
  }

  i18n.onChange(render);
  return {
    update(members, selfClientId = null) {
      last = { members: Array.isArray(members) ? members : [], selfClientId };
      render();
    },
  };
}
