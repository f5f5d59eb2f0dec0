import { expect } from 'vitest';
import { answerLatest, openWidget, widget } from '../helpers/browser.js';
import { scriptedHarness } from '../helpers/chat-harness.js';
import { describeInChromium, widgetTest } from '../helpers/widget-test.js';

// Rules mode never streams; the scripted stand-in streams each question word by word, as LLM mode does.
const it = widgetTest.override('harness', () => scriptedHarness({ stream: true }));

describeInChromium('a streamed agent reply', () => {
  it('when the agent streams its reply, then the text grows in one bubble that ends as the final message', async ({
    page,
    server,
    recorder,
  }) => {
    await openWidget(page, server.url);
    // Record every text the reply's bubble shows, as the page renders it.
    await page.evaluate(() => {
      const list = document
        .querySelector('leadbot-chat')
        ?.shadowRoot?.querySelector('.lb-messages');
      const seen: string[] = [];
      const existing = list?.querySelectorAll('li.lb-agent').length ?? 0;
      Object.assign(window, { seenAgentTexts: seen });
      new MutationObserver(() => {
        const bubbles = list?.querySelectorAll('li.lb-agent');
        if (!bubbles || bubbles.length <= existing) return; // only the new reply's bubble
        const text = bubbles[bubbles.length - 1]?.textContent ?? '';
        if (seen.at(-1) !== text) seen.push(text);
      }).observe(list ?? document, { childList: true, subtree: true, characterData: true });
    });
    const bubblesBefore = await widget(page).agentBubbles.count();
    const reply = await answerLatest(page, recorder.messages);

    const seen = await page.evaluate(
      () => (window as unknown as { seenAgentTexts: string[] }).seenAgentTexts,
    );
    expect(seen.at(-1)).toBe(reply.text);
    expect(seen.length).toBeGreaterThan(2); // it grew in steps...
    for (const text of seen.slice(0, -1)) expect(reply.text.startsWith(text.trimEnd())).toBe(true); // ...each a prefix of the final
    expect(await widget(page).agentBubbles.count()).toBe(bubblesBefore + 1); // one bubble, not one per chunk
  });
});
