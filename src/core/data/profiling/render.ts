import { formatValue, REPORT_CSS } from '../html';
import { escapeHtml } from '../../text/html';
import { formatNumber, formatShare } from '../../text/number';
import type { ColumnProfile, DataProfileData, Histogram } from './contract';

/** A tiny bar chart of a histogram, as inline HTML (no script, no external chart library). */
function sparkBars(h: Histogram): string {
  const max = Math.max(1, ...h.counts);
  return h.counts.map((c) => `<span class="bar" style="width:3px;margin-right:1px;height:${Math.max(1, Math.round((c / max) * 24))}px"></span>`).join('');
}

function summary(c: ColumnProfile): string {
  switch (c.type) {
    case 'number':
      return `mean ${formatNumber(c.mean)} · sd ${formatNumber(c.sd)} · min ${formatNumber(c.min)} · 25% ${formatNumber(c.quantiles['0.25'])} · 50% ${formatNumber(c.quantiles['0.5'])} · 75% ${formatNumber(c.quantiles['0.75'])} · max ${formatNumber(c.max)}`;
    case 'date':
      return `${formatValue(c.min ?? '')} … ${formatValue(c.max ?? '')}`;
    case 'string':
    case 'boolean':
      return `${formatNumber(c.distinct)} distinct · ${c.categories
        .slice(0, 5)
        .map((k) => `${escapeHtml(String(k.value)).slice(0, 24)} (${formatNumber(k.count)})`)
        .join(', ')}${c.distinct > 5 ? ', …' : ''}`;
    default:
      return '';
  }
}

/** The profile as self-contained HTML: one row per column with its statistics and distribution. */
export function renderProfileHtml(p: DataProfileData): string {
  const rows = p.columns
    .map((c) => {
      const dist = c.type === 'number' || c.type === 'date' ? `<span style="display:inline-flex;align-items:flex-end;height:24px">${sparkBars(c.histogram)}</span>` : '';
      const missing = c.missing ? `${formatNumber(c.missing)} (${formatShare(c.missing / Math.max(1, p.rows))})` : '0';
      return `<tr><td><b>${escapeHtml(c.name)}</b></td><td>${c.type}</td><td class="num">${formatNumber(c.count)}</td><td class="num">${missing}</td><td>${dist}</td><td>${summary(c)}</td></tr>`;
    })
    .join('');
  const head = ['column', 'type', 'count', 'missing', 'distribution', 'statistics'].map((h) => `<th>${h}</th>`).join('');
  return `<div class="mb-report"><style>${REPORT_CSS}</style><h3>Data profile</h3><p>${formatNumber(p.rows)} rows × ${p.columns.length} columns</p><table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** The profile as plain text, for viewers without HTML and for logs. */
export function renderProfileText(p: DataProfileData): string {
  return [`Data profile: ${p.rows} rows × ${p.columns.length} columns`, ...p.columns.map((c) => `  ${c.name} (${c.type}, ${c.missing} missing): ${summary(c).replace(/<[^>]+>/g, '')}`)].join('\n');
}
