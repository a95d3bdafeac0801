// Draws the charts of a Strata dashboard page from the JSON embedded in it (id "dashboard-data"), with Apache
// ECharts loaded beside this file. Each chart's container gets, once ECharts has finished drawing it,
// data-points (the values drawn, counted from the chart instance's own options) and data-rendered; the body
// gets data-dashboard="ready" when every chart has.
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('dashboard-data').textContent);
  var pending = data.charts.length;
  var instances = [];
  var palette = ['#2f6db5', '#e07b39', '#3a9a5b', '#c23b4b', '#7a5cb8', '#8c6d46', '#d46aa5', '#6b7280',
    '#b3a12d', '#2aa3b8'];

  function pretty(name) {
    return name ? name.replace(/_/g, ' ') : '';
  }

  function format(value) {
    if (value === null || value === undefined || value === '-') {
      return '–';
    }
    if (typeof value !== 'number') {
      return String(value);
    }
    if (value !== 0 && Math.abs(value) < 1) {
      return value.toFixed(3);
    }
    return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  }

  function compact(value) {
    var abs = Math.abs(value);
    if (abs >= 1e9) { return (value / 1e9) + 'G'; }
    if (abs >= 1e6) { return (value / 1e6) + 'M'; }
    if (abs >= 1e4) { return (value / 1e3) + 'k'; }
    return String(value);
  }

  function present(item) {
    if (item === null || item === undefined) {
      return false;
    }
    if (Array.isArray(item)) {
      return item[item.length - 1] !== null && item[item.length - 1] !== undefined;
    }
    if (typeof item === 'object') {
      return item.value !== null && item.value !== undefined;
    }
    return item !== '-';
  }

  // the values the chart instance holds, over all its series
  function drawnPoints(instance) {
    var series = instance.getOption().series || [];
    var n = 0;
    for (var i = 0; i < series.length; i++) {
      var items = series[i].data || [];
      for (var j = 0; j < items.length; j++) {
        if (present(items[j])) {
          n++;
        }
      }
    }
    return n;
  }

  function longest(labels) {
    return labels.reduce(function (m, l) { return Math.max(m, l.length); }, 0);
  }

  function categoryAxis(chart, name, labels, vertical) {
    var axis = {
      type: 'category',
      data: labels,
      name: name && !vertical ? pretty(name) : '',
      axisTick: { alignWithLabel: true },
      axisLabel: { hideOverlap: true, color: '#374151' }
    };
    if (vertical) {
      axis.inverse = true;
      axis.axisLabel.width = 200;
      axis.axisLabel.overflow = 'truncate';
    } else {
      var rotate = labels.length > 8 && longest(labels) > 6 ? 40 : 0;
      axis.nameLocation = 'middle';
      // the name sits below the labels: a rotated label is about 0.64 of its width high (at most 120 px wide)
      axis.nameGap = rotate ? 16 + Math.min(longest(labels) * 7, 120) * 0.64 : 30;
      axis.axisLabel.rotate = rotate;
      axis.axisLabel.width = 120;
      axis.axisLabel.overflow = 'truncate';
    }
    return axis;
  }

  function valueAxis(chart) {
    return {
      type: 'value',
      name: chart.y.length === 1 ? pretty(chart.y[0]) : '',
      nameTextStyle: { align: 'left' },
      axisLabel: { formatter: compact, color: '#374151' },
      splitLine: { lineStyle: { color: '#e5e7eb' } }
    };
  }

  // one series per y, or per series value (and y), each with one slot per x label
  function cartesianSeries(chart, kind, stacked) {
    var series = [];
    var names = chart.y;
    var groups = chart.hasSeries ? chart.seriesValues : [null];
    groups.forEach(function (group, g) {
      names.forEach(function (y, j) {
        var values = chart.categories.map(function () { return null; });
        chart.points.forEach(function (p) {
          if (!chart.hasSeries || p[1] === g) {
            values[p[0]] = p[2 + j];
          }
        });
        var name = group === null ? pretty(y) : (names.length > 1 ? group + ' · ' + pretty(y) : group);
        var s = { name: name, type: kind, data: values, emphasis: { focus: 'series' } };
        if (kind === 'line') {
          s.showSymbol = chart.categories.length <= 36;
          s.symbolSize = 5;
          s.connectNulls = false;
        }
        if (stacked) {
          s.stack = chart.hasSeries && names.length > 1 ? y : 'total';
        }
        series.push(s);
      });
    });
    return series;
  }

  function option(chart) {
    var base = {
      animation: false,
      color: palette,
      textStyle: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
      tooltip: { valueFormatter: format, confine: true }
    };
    var type = chart.type;
    if (type === 'pie') {
      base.tooltip.trigger = 'item';
      base.series = [{
        name: pretty(chart.y[0]),
        type: 'pie',
        radius: ['36%', '64%'],
        center: ['50%', '52%'],
        startAngle: 180,
        avoidLabelOverlap: true,
        label: { formatter: '{b}: {d}%', color: '#374151' },
        labelLine: { length: 12, length2: 10 },
        data: chart.points.map(function (p) { return { name: chart.categories[p[0]], value: p[2] }; })
      }];
      return base;
    }
    if (type === 'heatmap') {
      var values = chart.points.map(function (p) { return p[2]; }).filter(function (v) { return v !== null; });
      base.tooltip.trigger = 'item';
      base.tooltip.formatter = function (params) {
        return chart.categories[params.value[0]] + ' · ' + chart.seriesValues[params.value[1]] + '<br>'
          + pretty(chart.y[0]) + ': <b>' + format(params.value[2]) + '</b>';
      };
      base.grid = { left: 16, right: 110, top: 30, bottom: chart.x ? 26 : 8, containLabel: true };
      base.xAxis = categoryAxis(chart, chart.x, chart.categories, false);
      base.xAxis.splitArea = { show: true };
      base.yAxis = { type: 'category', data: chart.seriesValues, name: pretty(chart.seriesName),
        splitArea: { show: true }, axisLabel: { width: 200, overflow: 'truncate', color: '#374151' } };
      base.visualMap = {
        min: values.length ? Math.min.apply(null, values) : 0,
        max: values.length ? Math.max.apply(null, values) : 1,
        calculable: true, orient: 'vertical', right: 0, top: 'middle', itemHeight: 180,
        text: [pretty(chart.y[0]), ''], textStyle: { color: '#374151' }, formatter: format,
        inRange: { color: ['#eef4fb', '#9ec3e6', '#2f6db5', '#173a66'] }
      };
      base.series = [{
        name: pretty(chart.y[0]),
        type: 'heatmap',
        data: chart.points.map(function (p) { return [p[0], p[1], p[2]]; }),
        emphasis: { itemStyle: { borderColor: '#111827', borderWidth: 1 } }
      }];
      return base;
    }
    var horizontal = type === 'horizontal_bar';
    var kind = type === 'line' ? 'line' : 'bar';
    var series = cartesianSeries(chart, kind, type === 'stacked_bar');
    base.tooltip.trigger = 'axis';
    base.tooltip.axisPointer = { type: kind === 'line' ? 'line' : 'shadow' };
    if (series.length > 1) {
      base.legend = { type: 'scroll', top: 0, left: 'center', textStyle: { color: '#374151' } };
    }
    base.grid = { left: horizontal ? 28 : 16, right: 40, top: series.length > 1 ? 44 : 32, bottom: chart.x && !horizontal ? 26 : 12,
      containLabel: true };
    var categories = categoryAxis(chart, chart.x, chart.categories, horizontal);
    if (horizontal) {
      base.yAxis = categories;
      base.xAxis = valueAxis(chart);
      base.xAxis.nameLocation = 'middle';
      base.xAxis.nameGap = 28;
      base.grid.bottom = 32;
    } else {
      base.xAxis = categories;
      base.yAxis = valueAxis(chart);
    }
    base.series = series;
    return base;
  }

  function finished(element) {
    if (element.getAttribute('data-rendered') === 'true') {
      return;
    }
    element.setAttribute('data-rendered', 'true');
    pending--;
    if (pending === 0) {
      document.body.setAttribute('data-dashboard', 'ready');
    }
  }

  data.charts.forEach(function (chart) {
    var element = document.getElementById('chart-' + chart.name);
    if (chart.points.length === 0) {
      element.className += ' empty';
      element.textContent = 'No rows in the serving layer for this chart yet.';
      element.setAttribute('data-points', '0');
      finished(element);
      return;
    }
    var instance = echarts.init(element, null, { renderer: 'canvas' });
    instances.push(instance);
    instance.on('finished', function () {
      element.setAttribute('data-points', String(drawnPoints(instance)));
      finished(element);
    });
    instance.setOption(option(chart));
  });
  if (pending === 0) {
    document.body.setAttribute('data-dashboard', 'ready');
  }

  window.addEventListener('resize', function () {
    instances.forEach(function (instance) { instance.resize(); });
  });
}());
