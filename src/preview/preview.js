/* preview.js — Byline's side of the live preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Injected by BylinePreview as a user script in the isolated world "byline":
 * the post's own scripts never run (script markup is off), and nothing in the
 * page can reach these functions. The C side diffs renderings block by block
 * and calls bylinePatch() with only what changed; this script applies it to
 * the DOM without touching the other nodes, keeps the reader's place, and
 * reports scrolling and Ctrl+clicks back through the "byline" message handler.
 */
(function () {
  'use strict';

  const band = document.getElementById('byline-band');
  const header = document.getElementById('byline-header');
  const body = document.getElementById('byline-body');
  const handler = window.webkit.messageHandlers.byline;
  const generation = Number(document.documentElement.dataset.bylineGeneration);

  /* The elements of the blocks, parallel to the C side's list of blocks. */
  const blocks = [];
  /* The scroll offset our own last scroll left; a scroll event that finds
   * the page there was caused by us and is not reported back. */
  let ownScrollY = -1;
  let lastReportedLine = 0;
  let scrollReportPending = false;
  /* The C side keeps the view hidden until the page says that it has
   * painted its first rendering. */
  let paintedReported = false;

  function post (message) {
    message.generation = generation;
    handler.postMessage(message);
  }

  function setLines (element, first, last) {
    element.dataset.lineFirst = String(first);
    element.dataset.lineLast = String(last);
  }

  function lineOf (element) {
    return Number(element.dataset.lineFirst);
  }

  /* Parses a block's HTML in an inert template (no loads, no scripts), and
   * returns its single element, or a wrapper that does not take part in the
   * layout when the block is made of several nodes. */
  function makeBlock (html, first, last) {
    const template = document.createElement('template');
    template.innerHTML = html;
    const content = template.content;
    let element = null;

    if (content.childElementCount === 1) {
      element = content.firstElementChild;
      for (let node = content.firstChild; node; node = node.nextSibling) {
        if (node !== element &&
            !(node.nodeType === Node.TEXT_NODE && node.data.trim() === '')) {
          element = null;
          break;
        }
      }
    }
    /* Pictures out of sight load when the reader scrolls near them: the
     * page paints sooner, the layout below the view does not keep moving
     * while they decode, and the process holds only the pictures it shows. */
    for (const image of content.querySelectorAll('img'))
      image.loading = 'lazy';
    if (element === null) {
      element = document.createElement('div');
      element.className = 'byline-block';
      element.appendChild(content);
    }
    setLines(element, first, last);
    return element;
  }

  /* The box of a block; a layout-less wrapper has none of its own. */
  function rectOf (element) {
    if (element.className === 'byline-block' && element.parentNode === body) {
      const range = document.createRange();
      range.selectNodeContents(element);
      return range.getBoundingClientRect();
    }
    return element.getBoundingClientRect();
  }

  /* The index of the first block whose bottom is below the top of the view. */
  function topBlockIndex () {
    let low = 0;
    let high = blocks.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (rectOf(blocks[middle]).bottom <= 0)
        low = middle + 1;
      else
        high = middle;
    }
    return low;
  }

  function scrollToY (y) {
    window.scrollTo(0, y);
    ownScrollY = window.scrollY;
  }

  function applyPatch (patch) {
    /* Keep the reader's place: remember where the first visible block that
     * the patch leaves alone sits, and put it back there afterwards. */
    let anchor = null;
    let anchorTop = 0;
    if (window.scrollY > 0 && blocks.length > 0) {
      let index = topBlockIndex();
      if (index >= patch.start && index < patch.start + patch.remove)
        index = patch.start + patch.remove;
      if (index < blocks.length) {
        anchor = blocks[index];
        anchorTop = rectOf(anchor).top;
      }
    }

    if (patch.header !== undefined)
      header.innerHTML = patch.header;

    const removed = blocks.splice(patch.start, patch.remove);
    for (const element of removed)
      element.remove();

    const next = patch.start < blocks.length ? blocks[patch.start] : null;
    const added = [];
    const fragment = document.createDocumentFragment();
    for (const [html, first, last] of patch.insert) {
      const element = makeBlock(html, first, last);
      added.push(element);
      fragment.appendChild(element);
    }
    body.insertBefore(fragment, next);
    blocks.splice(patch.start, 0, ...added);

    /* Blocks that kept their HTML but moved in the source. */
    for (const [start, count, deltaFirst, deltaLast] of patch.lines) {
      for (let i = start; i < start + count; i++) {
        const element = blocks[i];
        setLines(element,
                 Number(element.dataset.lineFirst) + deltaFirst,
                 Number(element.dataset.lineLast) + deltaLast);
      }
    }

    if (anchor !== null) {
      const delta = rectOf(anchor).top - anchorTop;
      if (delta !== 0)
        scrollToY(window.scrollY + delta);
    }

    requestAnimationFrame(function () {
      post({ type: 'patched', seq: patch.seq });
    });

    /* The frame after the one that painted the patch: by then the painted
     * frame is on its way to the view. */
    if (!paintedReported) {
      paintedReported = true;
      requestAnimationFrame(function () {
        requestAnimationFrame(function () {
          post({ type: 'painted' });
        });
      });
    }
  }

  /* Shows the band over the header ("draft", "scheduled", "expired"), or
   * hides it for a null kind; the text the reader was at stays in place. */
  function setBand (kind, text) {
    const before = band.offsetHeight;
    if (kind === null) {
      band.hidden = true;
      band.className = '';
      band.textContent = '';
    } else {
      band.className = kind;
      band.textContent = text;
      band.hidden = false;
    }
    const delta = band.offsetHeight - before;
    if (delta !== 0 && window.scrollY > 0)
      scrollToY(window.scrollY + delta);
  }

  /* Brings the block holding @line to the top of the view. */
  function scrollToLine (line) {
    let low = 0;
    let high = blocks.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (lineOf(blocks[middle]) <= line)
        low = middle + 1;
      else
        high = middle;
    }
    /* Lines before the first block are the front matter: show the header. */
    const y = low === 0 ? 0 : rectOf(blocks[low - 1]).top + window.scrollY;
    scrollToY(y);
    if (low > 0)
      lastReportedLine = lineOf(blocks[low - 1]);
  }

  function reportScroll () {
    scrollReportPending = false;
    if (window.scrollY === ownScrollY)
      return;
    ownScrollY = -1;
    const index = topBlockIndex();
    if (index >= blocks.length)
      return;
    const line = lineOf(blocks[index]);
    if (line === lastReportedLine)
      return;
    lastReportedLine = line;
    post({ type: 'top-line-changed', line: line });
  }

  window.addEventListener('scroll', function () {
    if (!scrollReportPending) {
      scrollReportPending = true;
      requestAnimationFrame(reportScroll);
    }
  }, { passive: true });

  document.addEventListener('click', function (event) {
    if (!event.ctrlKey || event.button !== 0)
      return;
    let node = event.target;
    while (node !== null && node.parentNode !== body)
      node = node.parentNode;
    if (node === null)
      return;
    event.preventDefault();
    event.stopPropagation();
    post({ type: 'line-activated', line: lineOf(node) });
  }, true);

  window.bylinePatch = applyPatch;
  window.bylineScrollToLine = scrollToLine;
  window.bylineSetBand = setBand;

  /* The rendering the page was loaded with goes in before the first paint. */
  const rendering = JSON.parse(document.body.dataset.bylineInitial);
  delete document.body.dataset.bylineInitial;
  if (rendering !== null) {
    if (rendering.band)
      setBand(rendering.band[0], rendering.band[1]);
    applyPatch({ seq: 0, start: 0, remove: 0, header: rendering.header,
                 insert: rendering.blocks, lines: [] });
  }

  post({ type: 'ready' });
})();
