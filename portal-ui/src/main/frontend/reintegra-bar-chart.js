// <reintegra-bar-chart>: a bar chart drawn by Chart.js (MIT), bundled by Vaadin's frontend build.
// The server sets one attribute, "data": {"title": "...", "percent": false, "labels": [...],
// "datasets": [{"label": "...", "data": [number or null, ...]}]}. A null value is a hidden (small)
// cell and draws no bar. The canvas is an image for screen readers, named by the title; the same
// numbers are always in a table next to the chart.
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Title, Tooltip,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Title, Tooltip);

const COLOURS = ['#1a5fb4', '#26a269', '#c64600', '#813d9c', '#986a44', '#5e5c64'];

class ReintegraBarChart extends HTMLElement {
  static get observedAttributes() {
    return ['data'];
  }

  connectedCallback() {
    if (!this.canvas) {
      this.style.display = 'block';
      this.style.position = 'relative';
      this.canvas = document.createElement('canvas');
      this.canvas.setAttribute('role', 'img');
      this.appendChild(this.canvas);
    }
    this.draw();
  }

  disconnectedCallback() {
    if (this.chart) {
      this.chart.destroy();
      this.chart = null;
    }
  }

  attributeChangedCallback() {
    if (this.canvas) {
      this.draw();
    }
  }

  draw() {
    const raw = this.getAttribute('data');
    if (!raw) {
      return;
    }
    const spec = JSON.parse(raw);
    this.canvas.setAttribute('aria-label', spec.title);
    const data = {
      labels: spec.labels,
      datasets: spec.datasets.map((set, i) => ({
        label: set.label,
        data: set.data,
        backgroundColor: COLOURS[i % COLOURS.length],
      })),
    };
    const ticks = spec.percent ? { callback: (value) => `${Math.round(value * 100)} %` } : { precision: 0 };
    if (this.chart) {
      this.chart.data = data;
      this.chart.options.plugins.title.text = spec.title;
      this.chart.options.scales.y.ticks = ticks;
      this.chart.update();
      return;
    }
    this.chart = new Chart(this.canvas, {
      type: 'bar',
      data,
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { title: { display: true, text: spec.title }, legend: { position: 'bottom' } },
        scales: { y: { beginAtZero: true, max: spec.percent ? 1 : undefined, ticks } },
      },
    });
  }
}

if (!customElements.get('reintegra-bar-chart')) {
  customElements.define('reintegra-bar-chart', ReintegraBarChart);
}
