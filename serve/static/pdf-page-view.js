// A PDF table cell shown on its page: the page rendered by the server (/archive/captures/ID/pages/N.png) with the
// cell boxed. The box comes in PDF units (/api/reports/ID/cells/KEY/page) and is placed as a fraction of the
// page's size, so it scales with the image whatever its pixel size.
import { api } from './api.js';
import { h } from './dom.js';

/** A figure that fills itself once the cell's place on its page is known. */
export function pdfPageFigure(reportId, key, fileLink) {
  const figure = h('figure', { class: 'pdf-page', dataset: { key } }, h('figcaption', { class: 'muted' }, '正在加载该页… Loading the page…'));
  api(`/api/reports/${reportId}/cells/${encodeURIComponent(key)}/page`).then(
    (place) => {
      const b = place.box;
      const box = h('div', { class: 'box', dataset: { key } });
      Object.assign(box.style, {
        left: `${(b.x0 / place.pageWidth) * 100}%`,
        top: `${(b.y0 / place.pageHeight) * 100}%`,
        width: `${((b.x1 - b.x0) / place.pageWidth) * 100}%`,
        height: `${((b.y1 - b.y0) / place.pageHeight) * 100}%`,
      });
      const img = h('img', { src: place.imageUrl, alt: `第 ${place.page} 页 page ${place.page}`, class: 'page-image' });
      img.addEventListener('load', () => { box.dataset.placed = 'true'; });
      figure.replaceChildren(
        h('div', { class: 'boxed' }, img, box),
        h('figcaption', { class: 'muted' }, `第 ${place.page} 页，方框为该单元格 Page ${place.page}; the box is this cell. `, fileLink));
    },
    (error) => {
      figure.replaceChildren(h('figcaption', { class: 'muted' }, `无法显示该页 The page cannot be shown: ${error.message}`));
    });
  return figure;
}
