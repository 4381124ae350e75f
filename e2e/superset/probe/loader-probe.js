// Loader probe: a hand-written ES module that Superset 6.x's DYNAMIC_PLUGINS loader
// import()s. It uses only the host's shared modules (window['__superset__/<name>'])
// and registers a trivial chart under viz type 'loader_probe'.
const core = window['__superset__/@superset-ui/core'];
const reactNs = window['__superset__/react'];
const React = reactNs && (reactNs.createElement ? reactNs : reactNs.default);

const report = {
  evaluated: true,
  coreType: typeof core,
  coreHasDefault: !!(core && 'default' in core),
  coreHasChartPlugin: !!(core && core.ChartPlugin),
  coreKeyCount: core ? Object.keys(core).length : 0,
  reactHasDefault: !!(reactNs && 'default' in reactNs),
  reactHasNamedCreateElement: !!(reactNs && reactNs.createElement),
  reactVersion: React && React.version,
  sharedGlobals: Object.keys(window).filter(k => k.startsWith('__superset__/')),
  registered: false,
};
window.__loaderProbe = report;

const THUMB =
  'data:image/svg+xml;utf8,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="100"><rect width="160" height="100" fill="#20a7c9"/><text x="80" y="58" font-size="18" text-anchor="middle" fill="#fff">PROBE</text></svg>',
  );

function ProbeChart(props) {
  const rows = (props.data || []).length;
  return React.createElement(
    'div',
    { 'data-test': 'loader-probe-chart', style: { padding: 16, fontSize: 20 } },
    `Loader probe rendered ${rows} row(s): ${(props.colnames || []).join(', ')}`,
  );
}

const controlPanel = {
  controlPanelSections: [
    {
      label: 'Query',
      expanded: true,
      controlSetRows: [['groupby'], ['adhoc_filters'], ['row_limit']],
    },
  ],
};

// Without dimensions, ask for COUNT(*) so the query is never empty.
const COUNT = { expressionType: 'SQL', sqlExpression: 'COUNT(*)', label: 'count' };
function buildQuery(formData) {
  const columns = formData.groupby || [];
  return core.buildQueryContext(formData, base => [
    { ...base, columns, metrics: columns.length ? [] : [COUNT], orderby: [] },
  ]);
}

function transformProps(chartProps) {
  const q = (chartProps.queriesData && chartProps.queriesData[0]) || {};
  return { width: chartProps.width, height: chartProps.height, data: q.data, colnames: q.colnames };
}

class LoaderProbePlugin extends core.ChartPlugin {
  constructor() {
    super({
      metadata: new core.ChartMetadata({
        name: 'Loader Probe',
        description: 'Proves the DYNAMIC_PLUGINS loader route',
        thumbnail: THUMB,
        category: 'Table',
        tags: ['Probe'],
      }),
      Chart: ProbeChart,
      controlPanel,
      buildQuery,
      transformProps,
    });
  }
}

new LoaderProbePlugin().configure({ key: 'loader_probe' }).register();
report.registered = !!core.getChartMetadataRegistry().get('loader_probe');
console.log('[loader-probe] ' + JSON.stringify(report));
