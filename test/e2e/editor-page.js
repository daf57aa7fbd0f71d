// Runs inside the browser page that label-studio-editor.ts serves, next to the Label Studio editor bundle.
// Defines window.renderPredictions(request): loads one task with its predictions into the editor and reads back
// what the editor kept (store) and drew (DOM).
'use strict';

(function () {
  const pageErrors = [];
  let failInitialization = null;

  function describeError(error) {
    if (error instanceof Error) return `${error.name}: ${error.message}`;
    try {
      return typeof error === 'string' ? error : JSON.stringify(error);
    } catch {
      return String(error);
    }
  }

  window.addEventListener('unhandledrejection', (event) => {
    const message = `unhandled rejection: ${describeError(event.reason)}`;
    pageErrors.push(message);
    if (failInitialization) failInitialization(new Error(message));
  });

  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const sleep = (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds));
  const plainId = (id) => String(id).split('#')[0];

  function startEditor({ config, data, predictions, timeoutMs }) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the editor did not initialise within ${timeoutMs} ms`)), timeoutMs);
      failInitialization = (error) => {
        clearTimeout(timer);
        reject(error);
      };
      try {
        // The annotator setting "Show labels inside the regions": without it Paragraphs highlights carry no label.
        localStorage.setItem('labelStudio:settings', JSON.stringify({ showLabels: true }));
        new window.LabelStudio('label-studio', {
          config,
          interfaces: ['panel', 'update', 'controls', 'side-column', 'annotations:menu', 'predictions:menu', 'edit-history'],
          user: { id: 1, pk: 1, firstName: 'Pre', lastName: 'Label' },
          task: { id: 1, data, annotations: [], predictions },
          onStorageInitialized: (store) => {
            clearTimeout(timer);
            failInitialization = null;
            resolve(store);
          },
        });
      } catch (error) {
        clearTimeout(timer);
        reject(error);
      }
    });
  }

  function frameDocuments() {
    const documents = [{ document, frame: null }];
    document.querySelectorAll('iframe').forEach((iframe, index) => {
      try {
        if (iframe.contentDocument) documents.push({ document: iframe.contentDocument, frame: index });
      } catch {
        // a cross-origin frame cannot hold the editor's highlights
      }
    });
    return documents;
  }

  async function waitUntilDrawn(settleMs) {
    await nextFrame();
    await nextFrame();
    const pending = [];
    for (const { document: frameDocument } of frameDocuments()) {
      frameDocument.querySelectorAll('img').forEach((image) => {
        if (image.complete) return;
        pending.push(
          new Promise((resolve) => {
            image.addEventListener('load', resolve, { once: true });
            image.addEventListener('error', resolve, { once: true });
          }),
        );
      });
    }
    document.querySelectorAll('iframe').forEach((iframe) => {
      if (iframe.contentDocument?.readyState !== 'complete') pending.push(new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true })));
    });
    await Promise.race([Promise.all(pending), sleep(2000)]);
    await sleep(settleMs);
    await nextFrame();
  }

  function regionLabels(region) {
    return (region.results ?? [])
      .filter((result) => String(result.type).endsWith('labels'))
      .flatMap((result) => (Array.isArray(result.mainValue) ? result.mainValue.map(String) : []));
  }

  function numberOrNull(value) {
    return typeof value === 'number' ? value : null;
  }

  function describeRegion(region) {
    const spans = Array.isArray(region._spans) ? region._spans : [];
    spans.forEach((span) => span.setAttribute('data-prelabel-region', plainId(region.id)));
    return {
      id: plainId(region.id),
      type: String(region.type ?? (region.classification ? 'classification' : 'unknown')),
      labels: regionLabels(region),
      text: typeof region.text === 'string' ? region.text : null,
      startOffset: numberOrNull(region.startOffset),
      endOffset: numberOrNull(region.endOffset),
      box: ['x', 'y', 'width', 'height'].every((key) => typeof region[key] === 'number')
        ? { x: region.x, y: region.y, width: region.width, height: region.height }
        : null,
    };
  }

  function isHiddenCopy(element) {
    return element.closest('.htx-richtext-orig, .htx-richtext-work') !== null;
  }

  /** Consecutive highlight spans of one region, joined: the text the annotator sees highlighted and its label. */
  function readHighlights() {
    const highlights = [];
    for (const { document: frameDocument, frame } of frameDocuments()) {
      let current = null;
      frameDocument.querySelectorAll('span.htx-highlight').forEach((span) => {
        if (isHiddenCopy(span)) return;
        const regionId = span.getAttribute('data-prelabel-region');
        if (!current || current.regionId !== regionId || regionId === null) {
          current = { regionId, text: '', label: null, inFrame: frame !== null };
          highlights.push(current);
        }
        current.text += span.textContent ?? '';
        const label = span.getAttribute('data-label') ?? span.getAttribute('data-labels');
        if (label !== null) current.label = label || null;
      });
    }
    return highlights;
  }

  function selectedValuesOf(tag) {
    if (typeof tag.selectedValues !== 'function') return null;
    const selected = tag.selectedValues();
    if (Array.isArray(selected)) return selected.map((value) => (typeof value === 'string' ? value : JSON.stringify(value)));
    return selected === null || selected === undefined ? [] : [String(selected)];
  }

  function readControls(store) {
    const controls = [];
    store.annotationStore.names.forEach((tag, name) => {
      controls.push({ name: String(name), type: String(tag.type), selectedValues: selectedValuesOf(tag) });
    });
    return controls;
  }

  function readCheckedInPage() {
    return Array.from(document.querySelectorAll('.ant-checkbox-wrapper-checked, .ant-radio-wrapper-checked')).map((element) =>
      (element.textContent ?? '').trim(),
    );
  }

  function readValidationErrors(store) {
    const validation = store.annotationStore.validation ?? [];
    return Array.from(validation).map((item) => `${item.error}: ${describeError(item.value)}`);
  }

  function emptyRendering(reason) {
    return {
      initialized: false,
      entityType: null,
      results: [],
      regions: [],
      highlights: [],
      controls: [],
      checkedInPage: [],
      validationErrors: [],
      pageErrors: [...pageErrors, pageErrors.includes(reason) ? 'the editor did not start' : `the editor did not start: ${reason}`],
    };
  }

  window.renderPredictions = async function renderPredictions(request) {
    let store;
    try {
      store = await startEditor(request);
    } catch (error) {
      return emptyRendering(error instanceof Error ? error.message : describeError(error));
    }
    const { predictions } = store.annotationStore;
    const selected = predictions[predictions.length - 1 - request.selectedPrediction];
    if (selected) store.annotationStore.selectPrediction(selected.id);
    await waitUntilDrawn(request.settleMs);
    const entity = store.annotationStore.selected;
    // describeRegion tags each region's spans, which readHighlights then groups by region.
    const regions = entity ? entity.regions.map(describeRegion) : [];
    return {
      initialized: true,
      entityType: entity ? String(entity.type) : null,
      results: entity ? JSON.parse(JSON.stringify(entity.serializeAnnotation())) : [],
      regions,
      highlights: readHighlights(),
      controls: readControls(store),
      checkedInPage: readCheckedInPage(),
      validationErrors: readValidationErrors(store),
      pageErrors: [...pageErrors],
    };
  };
})();
