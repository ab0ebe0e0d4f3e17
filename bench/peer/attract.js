// The kiosk's attract screen (ui/screens/attract.cpp) rebuilt as a web page, the way a region
// would otherwise build its kiosk in a browser: plain DOM and SVG, one compositor layer per
// jewel (will-change: transform), each frame only moving layers and changing opacities, paced
// by requestAnimationFrame. The layout follows the kiosk's rules (designed at 1280x800 and
// scaled to the screen, the same font sizes, margins and ring), so the two draw the same
// pixels' worth of scene at the same size; see bench/peer/README for what differs.
'use strict';

// ui/theme.h
const theme = {
  gold: '#e0b652',
  panel: '#1d2d45',
  text: '#f5f1e8',
  onGold: '#141414',
};

// content/fjellregionen/manifest.json, in the pack's order (the ring's order).
const municipalities = [
  {name: 'Røros', colour: '#b22a3a', facets: 8, rotation: 22.5},
  {name: 'Tynset', colour: '#1f6fb2', facets: 6, rotation: 0},
  {name: 'Alvdal', colour: '#2e9e5b', facets: 5, rotation: 18},
  {name: 'Rendalen', colour: '#7a3fb0', facets: 7, rotation: 10},
  {name: 'Folldal', colour: '#c07f14', facets: 4, rotation: 45},
  {name: 'Os', colour: '#16908f', facets: 10, rotation: 0},
  {name: 'Tolga', colour: '#b83d76', facets: 6, rotation: 30},
  {name: 'Holtålen', colour: '#5f7d2a', facets: 9, rotation: 20},
];

// The Norwegian texts the kiosk shows on this screen (content/fjellregionen/texts/nb.json and
// ui/text/ui_text.cpp).
const texts = {
  name: 'Fjellregionen',
  slogan: 'Et smykkeskrin av åtte kommuner',
  welcome: 'Arbeid for to, en god oppvekst, et hjem, kultur og friluftsliv.',
  prompt: 'Trykk for å starte',
  map: 'Kart',
  languages: ['Norsk', 'English', 'Nederlands'],
  largeText: 'A+',
};
// The campaign of the day: bench/peer-figures starts the kiosk with --campaign forste-klasse.
const pitch = 'Dagens kampanje: Første Klasse – Skal eldste barn begynne på skolen? Flytt før første skoledag, ' +
  'og gi barna en oppvekst med fjellet som nærmeste nabo.';

// The kiosk's frame pacing (ui/platform/kiosk_window.cpp): 12 frames a second by deadline, 5
// after two minutes without a touch.
const framePeriodMs = 1000 / 12;
const deepIdleAfterMs = 120000;
const deepIdleFramePeriodMs = 200;

// ImGui sizes a font by its line height (ascent - descent); CSS by its em. DejaVu Sans's line
// is 1.164 em (hhea 1901 + 483 of 2048 units).
const lineToEm = 1.164;

function setFont(element, linePx, bold) {
  element.style.fontSize = `${linePx / lineToEm}px`;
  element.style.lineHeight = `${linePx}px`;
  if (bold) element.style.fontWeight = 'bold';
}

function box(element, left, top, width, height) {
  element.style.left = `${left}px`;
  element.style.top = `${top}px`;
  element.style.width = `${width}px`;
  if (height !== undefined) element.style.height = `${height}px`;
}

function add(className, text) {
  const element = document.createElement('div');
  element.className = className;
  if (text !== undefined) element.textContent = text;
  document.body.appendChild(element);
  return element;
}

// ui/widgets/jewel.cpp's shade(): above 1 towards white, below towards black.
function shade(hex, factor, alpha = 1) {
  const value = parseInt(hex.slice(1), 16);
  const channel = (c) => Math.round(Math.min(255, Math.max(0, factor >= 1 ? c + (255 - c) * (factor - 1) : c * factor)));
  return `rgba(${channel(value >> 16)}, ${channel((value >> 8) & 255)}, ${channel(value & 255)}, ${alpha})`;
}

// One jewel as an SVG, drawn once; the frame turns it as a layer. The facets are lit as the
// kiosk lights them at its own rotation (light from the upper left).
function jewelSvg(municipality, radius, half) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('width', 2 * half);
  svg.setAttribute('height', 2 * half);
  svg.setAttribute('class', 'jewel');
  svg.style.transformOrigin = `${half}px ${half}px`;
  const facets = Math.min(12, Math.max(3, municipality.facets));
  const start = (municipality.rotation - 90) * Math.PI / 180;
  const outer = [], table = [];
  for (let i = 0; i < facets; ++i) {
    const angle = start + 2 * Math.PI * i / facets;
    outer.push([half + radius * Math.cos(angle), half + radius * Math.sin(angle)]);
    table.push([half + radius * 0.52 * Math.cos(angle + Math.PI / facets), half + radius * 0.52 * Math.sin(angle + Math.PI / facets)]);
  }
  const light = [-0.6, -0.8];
  const lit = ([x, y]) => {
    const d = [x - half, y - half];
    const facing = (d[0] * light[0] + d[1] * light[1]) / Math.max(Math.hypot(d[0], d[1]), 1);
    return shade(municipality.colour, 0.8 + 0.45 * facing);
  };
  const polygon = (points, fill, stroke, width) => {
    const p = document.createElementNS(ns, 'polygon');
    p.setAttribute('points', points.map((q) => q.join(',')).join(' '));
    p.setAttribute('fill', fill);
    if (stroke) {
      p.setAttribute('stroke', stroke);
      p.setAttribute('stroke-width', width);
      p.setAttribute('stroke-linejoin', 'round');
    }
    svg.appendChild(p);
  };
  for (let i = 0; i < facets; ++i) {
    const next = (i + 1) % facets, previous = (i + facets - 1) % facets;
    const edgeMid = [(outer[i][0] + outer[next][0]) / 2, (outer[i][1] + outer[next][1]) / 2];
    polygon([outer[i], outer[next], table[i]], lit(edgeMid));
    polygon([table[previous], outer[i], table[i]], lit(outer[i]));
  }
  polygon(table, shade(municipality.colour, 1.35));
  polygon(outer, 'none', shade(municipality.colour, 1.6), radius * 0.04);
  polygon(table, 'none', shade(municipality.colour, 1.5, 160 / 255), radius * 0.025);
  document.body.appendChild(svg);
  return svg;
}

// The glint on a jewel's upper left facet: a white cross, its own layer, scaled and faded.
function glintElement(radius) {
  const arm = radius * 0.28;
  const thickness = radius * 0.035;
  const glint = add('glint');
  box(glint, 0, 0, 2 * arm, 2 * arm);
  glint.style.transformOrigin = `${arm}px ${arm}px`;
  for (const [w, h] of [[2 * arm, thickness], [thickness, 2 * arm]]) {
    const bar = document.createElement('div');
    bar.style.cssText = `position:absolute;left:${arm - w / 2}px;top:${arm - h / 2}px;width:${w}px;height:${h}px;background:#fff`;
    glint.appendChild(bar);
  }
  return {element: glint, arm};
}

function button(label, left, top, width, height, scale, {primary = false, large = false, font}) {
  const element = add(`button${primary ? ' primary' : ''}${large ? ' large' : ''}`, label);
  box(element, left, top, width, height);
  element.style.borderRadius = `${14 * scale}px`;
  element.style.borderWidth = primary ? '0' : `${2 * scale}px`;
  setFont(element, font, large);
  return element;
}

// The layout of ui/screens/attract.cpp and ui/widgets/controls.cpp (language_bar), in the
// kiosk's design pixels scaled to the window.
function build() {
  const width = window.innerWidth, height = window.innerHeight;
  const scale = Math.min(width / 1280, height / 800) || 1;
  const px = (v) => v * scale;
  const touch = (v) => Math.max(px(v), 48);
  const fonts = {body: Math.max(18, 26 * scale), large: Math.max(21, 32 * scale), title: Math.max(28, 50 * scale)};
  const margin = px(40);

  const startHeight = fonts.title;
  const startY = height - px(24) - startHeight;
  let ringBottom = startY - px(12);
  if (pitch) {
    const line = add('text', pitch);
    setFont(line, fonts.body);
    box(line, margin, 0, width - margin * 2);
    const h = Math.min(line.offsetHeight, fonts.body * 3);
    line.style.top = `${ringBottom - h}px`;
    ringBottom -= h + px(12);
  }
  const prompt = add('text prompt', texts.prompt);
  setFont(prompt, fonts.title, true);
  box(prompt, margin, startY, width - margin * 2, startHeight);

  const ringTop = px(16) + touch(56) + px(12);
  const centre = {x: width / 2, y: (ringTop + ringBottom) / 2};
  const halfHeight = Math.max(0, (ringBottom - ringTop) / 2);
  const textWidth = Math.min(width * 0.5, px(700));
  const left = centre.x - textWidth / 2;
  const gap = px(8);
  const slogan = add('text slogan', texts.slogan);
  setFont(slogan, fonts.large, true);
  box(slogan, left, 0, textWidth);
  const sloganHeight = slogan.offsetHeight;
  slogan.style.top = `${centre.y - sloganHeight / 2}px`;
  const reach = {above: sloganHeight / 2, below: sloganHeight / 2};
  if (halfHeight - reach.above - gap >= 1) {
    const name = add('text name', texts.name);
    setFont(name, fonts.title, true);
    box(name, left, 0, textWidth);
    const h = name.offsetHeight;
    name.style.top = `${centre.y - reach.above - gap - h}px`;
    reach.above += gap + h;
  }
  if (halfHeight - reach.below - gap >= 1) {
    const welcome = add('text welcome', texts.welcome);
    setFont(welcome, fonts.body);
    box(welcome, left, centre.y + reach.below + gap, textWidth);
    reach.below += gap + welcome.offsetHeight;
  }
  const textHeight = Math.max(reach.above, reach.below) * 2;
  let radius = Math.min(width, height) * 0.36 * 0.24;
  let rx = 0, ry = 0;
  for (let attempt = 0; attempt < 12; ++attempt, radius *= 0.9) {
    rx = width / 2 - radius * 1.1 - px(16);
    ry = halfHeight - radius * 1.1;
    const w = textWidth / 2 + radius * 1.1, h = textHeight / 2 + radius * 1.1;
    if (rx > 0 && ry > 0 && (w / rx) ** 2 + (h / ry) ** 2 <= 1) break;
  }
  const half = Math.ceil(radius * 1.1);
  const jewels = municipalities.map((m) => ({svg: jewelSvg(m, radius, half), glint: glintElement(radius)}));

  // The language bar, top right, and the map button beside it.
  const measure = document.createElement('canvas').getContext('2d');
  measure.font = `${fonts.body / lineToEm}px "DejaVu Sans"`;
  const widest = Math.max(...texts.languages.map((l) => measure.measureText(l).width));
  const size = {x: Math.max(px(150), 112, widest + Math.max(px(12), 4) * 2 + px(8)), y: touch(56)};
  const toggle = touch(80);
  const barGap = px(10);
  let x = width - px(20) - size.x * 3 - barGap * 3 - toggle;
  const barLeft = x;
  texts.languages.forEach((label, i) => {
    button(label, x, px(16), size.x, size.y, scale, {primary: i === 0, font: fonts.body});
    x += size.x + barGap;
  });
  button(texts.largeText, x, px(16), toggle, size.y, scale, {large: true, font: fonts.large});
  button(texts.map, barLeft - px(16) - px(150), px(16), px(150), touch(56), scale, {large: true, font: fonts.large});

  return {prompt, jewels, centre, rx, ry, radius, half};
}

// One frame of the animation at t seconds: what attract.cpp computes, applied to the layers.
function draw(scene, t) {
  scene.prompt.style.opacity = 0.75 + 0.25 * Math.sin(t * 2.5);
  const count = scene.jewels.length;
  scene.jewels.forEach(({svg, glint}, i) => {
    const angle = 2 * Math.PI * (i / count + t / 60) - Math.PI / 2;
    const x = scene.centre.x + scene.rx * Math.cos(angle);
    const y = scene.centre.y + scene.ry * Math.sin(angle);
    svg.style.transform = `translate(${x - scene.half}px, ${y - scene.half}px) rotate(${t * 12}deg)`;
    const sparkle = Math.max(0, Math.sin(t * 1.7 + i * 0.8));
    const gx = x - scene.radius * 0.32 - glint.arm, gy = y - scene.radius * 0.32 - glint.arm;
    glint.element.style.transform = `translate(${gx}px, ${gy}px) scale(${sparkle})`;
    glint.element.style.opacity = (220 / 255) * sparkle;
  });
}

const scene = build();
const startedMs = performance.now();
draw(scene, 0);
let dueMs = null;
function onAnimationFrame(nowMs) {
  requestAnimationFrame(onAnimationFrame);
  if (dueMs === null) dueMs = nowMs;
  if (nowMs < dueMs - 2) return;  // 2 ms of slack: vsync times jitter, the period is 5 vsyncs at 60 Hz
  draw(scene, (nowMs - startedMs) / 1000);
  const period = nowMs - startedMs >= deepIdleAfterMs ? deepIdleFramePeriodMs : framePeriodMs;
  dueMs += period;
  if (dueMs < nowMs) dueMs = nowMs + period;  // fell behind: no burst to catch up
}
requestAnimationFrame(onAnimationFrame);
