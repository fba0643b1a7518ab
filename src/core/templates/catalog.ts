/** The template notebooks `modelbook new` and "New Notebook from Template…" copy into a workspace. */

/** One template: its id, what the picker shows, and the files it copies (paths under templates/). */
export interface TemplateInfo {
  id: string;
  title: string;
  description: string;
  notebook: string;
  data: string[];
}
// notebook: path under templates/ of the .mlnb; data: files under templates/data/ it needs
export const TEMPLATES: TemplateInfo[] = [
  {
    id: 'binary-classification',
    title: 'Binary classification',
    description: 'Who survived the Titanic: from data quality and PII to a gated export',
    notebook: 'binary-classification/titanic.mlnb',
    data: ['titanic.csv'],
  },
  {
    id: 'regression',
    title: 'Regression',
    description: "A car's miles per gallon: MAE, RMSE and R² with CIs, a baseline, residuals",
    notebook: 'regression/cars-mpg.mlnb',
    data: ['cars.json'],
  },
  {
    id: 'fairness-audit',
    title: 'Fairness audit',
    description: 'Audit a model of Toronto arrests: group metrics with CIs, a written conclusion',
    notebook: 'fairness-audit/arrests-audit.mlnb',
    data: ['arrests.csv'],
  },
  {
    id: 'drift-monitoring',
    title: 'Drift monitoring',
    description: 'A fuel-economy model meets later cars: drift, alert rules, retrain or not',
    notebook: 'drift-monitoring/cars-drift.mlnb',
    data: ['cars.json'],
  },
];
