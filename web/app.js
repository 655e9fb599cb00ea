import { applyMainInput, readMainInputs } from './contract-edits.js';

/**
 * The page: pick a preset (GET /presets, /presets/{id}) or paste a contract, move the main
 * inputs, and run. One POST /reports with format json runs the evaluation, the simulation and
 * the tornado and returns the key figures and the chart specs; the downloads post the same body
 * with format html, pdf or xlsx, so the page, the report and the workbook show the same run.
 */

const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const percent = (value, digits = 0) => new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: digits }).format(value);
const money = (value) => (value === null || value === undefined ? '–' : euro.format(Math.abs(value) < 0.5 ? 0 : value));
const chance = (value) => {
  if (value === null || value === undefined) return '–';
  if (value > 0 && value < 0.005) return '< 1%';
  if (value < 1 && value > 0.995) return '> 99%';
  return percent(value);
};

/** Each main input: how the page shows it (a percentage is stored as a fraction). */
const INPUTS = {
  jobEntryRate: { scale: 100, digits: 2 },
  jobEntryUncertainty: { scale: 100, digits: 0 },
  price: { scale: 1, digits: 0 },
  benefit: { scale: 1, digits: 2 },
  intake: { scale: 1, digits: 0 },
  horizon: { scale: 1, digits: 0 },
  capPerYear: { scale: 1, digits: 0 },
};

const state = { contract: null, about: undefined, edited: new Set(), lastBody: null, running: false };
const $ = (selector) => document.querySelector(selector);

function setStatus(text) {
  $('#status').textContent = text;
}

function showProblems(problem) {
  const box = $('#problems');
  if (problem === null) {
    box.hidden = true;
    box.textContent = '';
    return;
  }
  box.hidden = false;
  const items = (problem.errors ?? []).map((e) => `<li><code>${escapeHtml(e.path)}</code>: ${escapeHtml(e.message)}</li>`).join('');
  box.innerHTML = `<strong>${escapeHtml(problem.title ?? 'Fout')}</strong>${problem.detail ? ` – ${escapeHtml(problem.detail)}` : ''}${items ? `<ul>${items}</ul>` : ''}`;
  box.scrollIntoView({ block: 'nearest' });
}

/** Figures and charts of an earlier run stay visible but greyed out while they do not match the inputs. */
function markStale(stale) {
  document.querySelector('.results').classList.toggle('stale', stale);
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** The API key typed on the page, when the service asks for one (kept for this browser tab only). */
function authorization() {
  const key = $('#api-key').value.trim();
  if (key) sessionStorage.setItem('apiKey', key);
  else sessionStorage.removeItem('apiKey');
  return key ? { authorization: `Bearer ${key}` } : {};
}

async function getJson(url) {
  const response = await fetch(url, { headers: { accept: 'application/json', ...authorization() } });
  if (!response.ok) throw await problemOf(response);
  return response.json();
}

async function problemOf(response) {
  try {
    return await response.json();
  } catch {
    return { title: `HTTP ${response.status}` };
  }
}

// ----- presets and the contract -----

async function loadPresets() {
  // The page edits contracts: fund presets (kind portfolio) are for POST /portfolios/evaluate.
  const presets = (await getJson('/presets')).filter((p) => p.kind === 'contract');
  const select = $('#preset');
  select.innerHTML = '<option value="">Kies een scenario…</option>' + presets.map((p) => `<option value="${escapeHtml(p.id)}">${escapeHtml(p.title)}</option>`).join('');
}

async function pickPreset(id) {
  if (!id) return;
  setStatus('Scenario laden…');
  const preset = await getJson(`/presets/${encodeURIComponent(id)}`);
  state.about = { title: preset.title, summary: preset.summary, assumptions: preset.assumptions, sources: preset.sources };
  state.edited = new Set();
  $('#preset-summary').textContent = preset.summary ?? '';
  setContract(preset.contract);
  setStatus('Scenario geladen: pas de aannames aan en kies Doorrekenen.');
}

function setContract(contract) {
  state.contract = contract;
  $('#contract-json').value = JSON.stringify(contract, null, 2);
  showInputs(readMainInputs(contract));
}

function showInputs(values) {
  for (const [name, { scale, digits }] of Object.entries(INPUTS)) {
    const value = values[name];
    const number = $(`#${name}-number`);
    const range = $(`#${name}-range`);
    const shown = value === null || !Number.isFinite(value) ? '' : Number((value * scale).toFixed(digits));
    number.value = shown;
    if (range) {
      if (shown !== '' && Number(range.max) < shown) range.max = String(niceMax(shown));
      range.value = shown === '' ? range.min : String(shown);
    }
  }
  const priceLabel = $('#price-label');
  const priceUnit = $('#price-unit');
  const priceRange = $('#price-range');
  if (values.priceKind === 'share') {
    priceLabel.textContent = 'Aandeel van de besparing dat wordt uitbetaald';
    priceUnit.textContent = '%';
    $('#price-number').value = Number((values.price * 100).toFixed(1));
    priceRange.max = '100';
    priceRange.step = '1';
    priceRange.value = $('#price-number').value;
  } else {
    priceLabel.textContent = 'Prijs per resultaat (eerste betaalprikkel)';
    priceUnit.textContent = '€';
    priceRange.step = '50';
  }
  $('#price-number').disabled = values.priceKind === 'none';
  priceRange.disabled = values.priceKind === 'none';
}

function niceMax(value) {
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(value, 1)));
  return Math.ceil((value * 2) / magnitude) * magnitude;
}

/** A field or slider moved: change the contract and mirror the value in its partner. */
function onInput(name, source) {
  if (state.contract === null) return;
  const raw = source.value;
  const partner = source.type === 'range' ? $(`#${name}-number`) : $(`#${name}-range`);
  if (partner) partner.value = raw;
  const scale = name === 'price' && readMainInputs(state.contract).priceKind === 'share' ? 100 : INPUTS[name].scale;
  const value = raw === '' ? null : Number(raw) / scale;
  if (value !== null && !Number.isFinite(value)) return;
  if (value === null && name !== 'capPerYear') return;
  state.contract = applyMainInput(state.contract, name, value);
  state.edited.add(name);
  $('#contract-json').value = JSON.stringify(state.contract, null, 2);
}

function bindInputs() {
  for (const name of Object.keys(INPUTS)) {
    for (const kind of ['range', 'number']) {
      const element = $(`#${name}-${kind}`);
      if (element) element.addEventListener('input', () => onInput(name, element));
    }
  }
  $('#apply-json').addEventListener('click', () => {
    try {
      const contract = JSON.parse($('#contract-json').value);
      state.about = undefined;
      state.edited = new Set();
      $('#preset').value = '';
      $('#preset-summary').textContent = 'Eigen contract.';
      setContract(contract);
      showProblems(null);
      setStatus('Contract overgenomen: kies Doorrekenen.');
    } catch (error) {
      showProblems({ title: 'Dit is geen geldige JSON', detail: String(error.message ?? error) });
    }
  });
}

// ----- running -----

/**
 * The preset's own description, with a note naming the inputs changed on this page: the report
 * prints the description, and it must not describe the preset's values as if they were used.
 */
function aboutForReport() {
  if (!state.about) return undefined;
  if (state.edited.size === 0) return state.about;
  const labels = [...state.edited].map((name) => document.querySelector(`[data-input="${name}"] label`)?.textContent?.trim() ?? name);
  const note = `Op de webpagina aangepast ten opzichte van dit scenario: ${labels.join('; ')}. Het rapport rekent met de aangepaste waarden (zie de aannames).`;
  return { ...state.about, summary: [state.about.summary, note].filter(Boolean).join(' ') };
}

function requestBody(format) {
  const about = aboutForReport();
  return {
    model: { kind: 'contract', contract: state.contract },
    settings: { seed: Number($('#seed').value), iterations: Number($('#iterations').value) },
    language: $('#language').value,
    format,
    ...(about ? { about } : {}),
  };
}

async function run() {
  if (state.contract === null || state.running) return;
  state.running = true;
  $('#run').disabled = true;
  setStatus('Bezig met doorrekenen…');
  showProblems(null);
  try {
    const body = requestBody('json');
    const response = await fetch('/reports', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', ...authorization() }, body: JSON.stringify(body) });
    if (!response.ok) {
      markStale(true);
      showProblems(await problemOf(response));
      setStatus('De berekening is niet gelukt.');
      return;
    }
    const report = await response.json();
    markStale(false);
    state.lastBody = body;
    await showReport(report);
    for (const button of document.querySelectorAll('[data-download]')) button.disabled = false;
    setStatus(`Doorgerekend: ${report.reproduction.iterations.toLocaleString('nl-NL')} doorrekeningen, seed ${report.reproduction.seed}.`);
    document.body.dataset.runs = String(Number(document.body.dataset.runs ?? 0) + 1);
  } catch (error) {
    showProblems({ title: 'De rekendienst antwoordt niet', detail: String(error.message ?? error) });
    setStatus('');
  } finally {
    state.running = false;
    $('#run').disabled = false;
  }
}

function setFigure(name, value, shown, detail) {
  const card = document.querySelector(`.figure[data-figure="${name}"]`);
  card.dataset.value = value === null || value === undefined ? '' : String(value);
  card.querySelector('.figure-value').textContent = shown;
  card.querySelector('.figure-detail').textContent = detail;
}

async function showReport(report) {
  const k = report.keyFigures;
  setFigure('expectedNetResult', k.expectedNetResult, money(k.expectedNetResult), `8 van de 10 uitkomsten tussen ${money(k.netResultP10)} en ${money(k.netResultP90)}`);
  setFigure(
    'chancePaysOff',
    k.chancePaysOff,
    chance(k.chancePaysOff),
    k.uncertainInputs === 0 ? 'let op: alle invoer is als vast getal ingevoerd, dus zonder onzekerheid over de aannames' : 'nettoresultaat gemeente boven nul',
  );
  setFigure(
    'peakAnnualPaymentP90',
    k.peakAnnualPaymentP90,
    money(k.peakAnnualPaymentP90),
    k.budgetP90ByYear.map((b) => `${b.label ?? b.year}: ${money(b.amount)}`).join(' · '),
  );
  setFigure('providerIncomeMean', k.providerIncomeMean, money(k.providerIncomeMean), `8 van de 10 uitkomsten tussen ${money(k.providerIncomeP10)} en ${money(k.providerIncomeP90)}`);
  setFigure(
    'providerLossChance',
    k.providerLossChance,
    chance(k.providerLossChance),
    `marge na kosten gemiddeld ${money(k.providerMarginMean)}; 8 van de 10 uitkomsten tussen ${money(k.providerMarginP10)} en ${money(k.providerMarginP90)}`,
  );
  // The report's own sentence on the provider, in the report's language: what it keeps and how likely it is to lose money.
  $('#provider-words').textContent = report.providerInWords;
  const findings = $('#findings');
  findings.innerHTML = report.findings.length
    ? report.findings.map((f) => `<li data-finding="${escapeHtml(f.kind)}">${escapeHtml(f.text)}</li>`).join('')
    : '<li>Geen uitkomst waarin de gemeente verlies lijdt of een partij in de problemen komt.</li>';
  await Promise.all([
    embed('#chart-net', report.charts.netResult),
    embed('#chart-fan', report.charts.cashFlows),
    embed('#chart-tornado', report.charts.tornado),
  ]);
}

async function embed(selector, spec) {
  const element = $(selector);
  if (spec === null) {
    element.textContent = '';
    return;
  }
  await window.vegaEmbed(element, spec, { actions: false, renderer: 'svg' });
}

// ----- downloads -----

async function download(format) {
  if (state.lastBody === null) return;
  setStatus(format === 'pdf' ? 'PDF wordt gemaakt…' : 'Bestand wordt gemaakt…');
  // The run the page shows, whatever has moved since (same contract, seed and description), in the language now chosen.
  const body = { ...state.lastBody, format, language: $('#language').value };
  const response = await fetch('/reports', { method: 'POST', headers: { 'content-type': 'application/json', ...authorization() }, body: JSON.stringify(body) });
  if (!response.ok) {
    showProblems(await problemOf(response));
    setStatus('Het bestand is niet gemaakt.');
    return;
  }
  const blob = await response.blob();
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `rapport.${format}`;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  setStatus(`Gedownload: ${name}`);
}

// ----- start -----

bindInputs();
$('#preset').addEventListener('change', () =>
  void pickPreset($('#preset').value).catch((problem) => {
    showProblems(problem);
    setStatus('Het scenario kon niet worden geladen.');
  }),
);
$('#controls').addEventListener('submit', (event) => {
  event.preventDefault();
  void run();
});
for (const button of document.querySelectorAll('[data-download]')) button.addEventListener('click', () => void download(button.dataset.download));

/** Loads the presets; again when an API key is typed, in case the service refused the page without one. */
function start() {
  return loadPresets()
    .then(() => {
      showProblems(null);
      setStatus('Kies een scenario of plak een eigen contract.');
    })
    .catch((problem) => {
      showProblems(problem);
      setStatus('De scenario’s konden niet worden geladen.');
    });
}
$('#api-key').value = sessionStorage.getItem('apiKey') ?? '';
$('#api-key').addEventListener('change', () => void start());
void start();
