// Charts of the dashboard. The server sends buckets already reduced (min/mean/max per bucket,
// at most a couple of thousand points); times are WIB wall time written as UTC, hence useUTC.
(function () {
  'use strict';
  var charts = [];

  function times(d) {
    var t = new Array(d.downMean.length);
    for (var i = 0; i < t.length; i++) { t[i] = d.startWibMs + i * d.bucketMs; }
    return t;
  }

  function pairs(t, v) {
    var out = new Array(t.length);
    for (var i = 0; i < t.length; i++) { out[i] = [t[i], v[i]]; }
    return out;
  }

  function level(name, value, color, position) {
    return { name: name, type: 'line', symbol: 'none', data: [], color: color,
      lineStyle: { type: 'dashed', width: 1.5 },
      markLine: { symbol: 'none', silent: true, label: { formatter: name + ': {c} Mbps', position: position || 'insideEndTop' },
        lineStyle: { color: color, type: 'dashed', width: 1.5 }, data: [{ yAxis: value }] } };
  }

  // A round axis top at or above x: 1, 2, 2.5 or 5 times a power of ten.
  function nice(x) {
    if (!(x > 0)) { return 1; }
    var p = Math.pow(10, Math.floor(Math.log10(x)));
    var steps = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];
    for (var i = 0; i < steps.length; i++) { if (steps[i] * p >= x) { return steps[i] * p; } }
    return 10 * p;
  }

  function mbpsAxis() {
    return { type: 'value', name: 'Mbps', min: 0, axisLabel: { formatter: '{value}' } };
  }

  function init(el) {
    var c = echarts.init(el, null, { renderer: 'canvas' });
    charts.push(c);
    return c;
  }

  function load(el, draw) {
    fetch(el.dataset.url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (d) { draw(init(el), d, el.dataset); el.setAttribute('data-rendered', 'true'); })
      .catch(function (e) { el.textContent = String(e); el.setAttribute('data-rendered', 'error'); });
  }

  function usage(c, d, l) {
    var t = times(d);
    var series = [
      // The min..max band: the minimum as an invisible base, the spread stacked on it.
      { name: l.lMin, type: 'line', symbol: 'none', stack: 'band', lineStyle: { opacity: 0 }, data: pairs(t, d.downMin) },
      { name: l.lMax, type: 'line', symbol: 'none', stack: 'band', lineStyle: { opacity: 0 },
        areaStyle: { color: 'rgba(31,119,180,0.18)' }, color: 'rgba(31,119,180,0.5)',
        data: pairs(t, d.downMax.map(function (v, i) { return v == null || d.downMin[i] == null ? null : +(v - d.downMin[i]).toFixed(2); })) },
      { name: l.lMean, type: 'line', symbol: 'none', color: '#1f77b4', data: pairs(t, d.downMean) },
      { name: l.lUp, type: 'line', symbol: 'none', color: '#2ca02c', lineStyle: { width: 1 }, data: pairs(t, d.upMean) }
    ];
    if (d.purchasedDownMbps > 0) { series.push(level(l.lPurchased, d.purchasedDownMbps, '#d62728')); }
    if (d.quantileDownMbps != null) { series.push(level(l.lQ, d.quantileDownMbps, '#ff7f0e')); }
    c.setOption({
      useUTC: true, animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [l.lMean, l.lMax, l.lUp, l.lPurchased, l.lQ] },
      grid: { left: 50, right: 20, top: 40, bottom: 30 },
      // The axis reaches the purchased rate, so that what is bought and what is used show together.
      xAxis: { type: 'time' },
      yAxis: Object.assign(mbpsAxis(), { max: function (v) { return nice(Math.max(v.max, d.purchasedDownMbps || 0) * 1.05); } }),
      series: series
    });
  }

  function aggregate(c, d, l) {
    var t = times(d);
    var series = [
      { name: l.lMax, type: 'line', symbol: 'none', color: 'rgba(31,119,180,0.55)', lineStyle: { width: 1 },
        areaStyle: { color: 'rgba(31,119,180,0.12)' }, data: pairs(t, d.downMax) },
      { name: l.lMean, type: 'line', symbol: 'none', color: '#1f77b4', data: pairs(t, d.downMean) },
      level(l.lPurchased, d.purchasedDownMbps, '#d62728')
    ];
    if (d.sumOfQuantilesDownMbps != null) { series.push(level(l.lSumq, d.sumOfQuantilesDownMbps, '#9467bd', 'insideStartTop')); }
    if (d.quantileDownMbps != null) { series.push(level(l.lQ, d.quantileDownMbps, '#ff7f0e')); }
    var top = Math.max(d.purchasedDownMbps || 0, d.sumOfQuantilesDownMbps || 0);
    c.setOption({
      useUTC: true, animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'time' }, yAxis: Object.assign(mbpsAxis(), { max: function (v) { return nice(Math.max(v.max, top) * 1.05); } }),
      series: series
    });
  }

  function story(c, d, l) {
    var bars = [
      { value: d.purchasedDownMbps, itemStyle: { color: '#d62728' } },
      { value: d.sumOfQuantilesDownMbps, itemStyle: { color: '#9467bd' } },
      { value: d.quantileDownMbps, itemStyle: { color: '#ff7f0e' } }
    ];
    c.setOption({
      animation: false, tooltip: {},
      grid: { left: 60, right: 20, top: 30, bottom: 60 },
      xAxis: { type: 'category', data: [l.lPurchased, l.lSumq, l.lQ], axisLabel: { interval: 0, width: 80, overflow: 'break' } },
      yAxis: mbpsAxis(),
      series: [{ type: 'bar', data: bars, label: { show: true, position: 'top', formatter: '{c} Mbps' } }]
    });
  }

  function hourly(c, d, l) {
    var hours = [];
    for (var h = 0; h < 24; h++) { hours.push((h < 10 ? '0' : '') + h + ':00'); }
    c.setOption({
      animation: false, tooltip: { trigger: 'axis' }, legend: { top: 0 },
      grid: { left: 50, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: hours }, yAxis: mbpsAxis(),
      series: [
        { name: l.lWeekday, type: 'bar', color: '#1f77b4', data: d.weekdayDown },
        { name: l.lWeekend, type: 'bar', color: '#aec7e8', data: d.weekendDown }
      ]
    });
  }

  // The capacity forecast: measured monthly Q95, the trend ahead with its 90 % band (down), the
  // capacity and the usable line (capacity x target utilisation). Without a forecast the server
  // sends only a message, shown as text.
  function forecast(el) {
    fetch(el.dataset.url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (d) {
        var list = document.getElementById('forecast-summary');
        if (d.message) {
          // no chart to draw: the element becomes the sentence that says why
          el.classList.remove('chart');
          el.classList.add('hint');
          el.textContent = d.message;
          el.setAttribute('data-rendered', 'message');
          return;
        }
        if (list) {
          d.summary.forEach(function (line) {
            var li = document.createElement('li');
            li.textContent = line;
            list.appendChild(li);
          });
        }
        drawForecast(init(el), d, el.dataset);
        el.setAttribute('data-rendered', 'true');
      })
      .catch(function (e) { el.textContent = String(e); el.setAttribute('data-rendered', 'error'); });
  }

  function drawForecast(c, d, l) {
    var low = d.lowDownMbps;
    var spread = d.highDownMbps.map(function (v, i) { return v == null || low[i] == null ? null : +(v - low[i]).toFixed(2); });
    var series = [
      { name: l.lBand, type: 'line', symbol: 'none', stack: 'band', lineStyle: { opacity: 0 }, data: low, tooltip: { show: false } },
      { name: l.lBand, type: 'line', symbol: 'none', stack: 'band', lineStyle: { opacity: 0 }, data: spread,
        areaStyle: { color: 'rgba(31,119,180,0.15)' }, color: 'rgba(31,119,180,0.4)', tooltip: { show: false } },
      { name: l.lMeasuredDown, type: 'line', color: '#1f77b4', symbolSize: 6, data: d.measuredDownMbps },
      { name: l.lForecastDown, type: 'line', color: '#1f77b4', symbol: 'none', lineStyle: { type: 'dashed' }, data: d.forecastDownMbps },
      { name: l.lMeasuredUp, type: 'line', color: '#2ca02c', symbolSize: 4, lineStyle: { width: 1 }, data: d.measuredUpMbps },
      { name: l.lForecastUp, type: 'line', color: '#2ca02c', symbol: 'none', lineStyle: { width: 1, type: 'dashed' }, data: d.forecastUpMbps },
      level(l.lCapacity, d.capacityDownMbps, '#d62728'),
      level(l.lUsable, d.usableDownMbps, '#ff7f0e', 'insideStartTop')
    ];
    if (d.crossingMonth) {
      series[3].markLine = { symbol: 'none', silent: true, label: { formatter: padu.html(d.crossingMonth) },
        lineStyle: { color: '#d62728', type: 'dotted' }, data: [{ xAxis: d.crossingMonth }] };
    }
    c.setOption({
      animation: false,
      tooltip: { trigger: 'axis', formatter: function (ps) {
        var rows = ps.filter(function (p) { return p.value != null && p.seriesName !== l.lBand; }).map(function (p) {
          return padu.html(p.seriesName) + ': ' + padu.html(p.value) + ' Mbps';
        });
        var i = ps.length ? ps[0].dataIndex : -1;
        if (i >= 0 && d.highDownMbps[i] != null && d.lowDownMbps[i] != null && d.highDownMbps[i] !== d.lowDownMbps[i]) {
          rows.push(padu.html(l.lBand) + ': ' + padu.html(d.lowDownMbps[i]) + '–' + padu.html(d.highDownMbps[i]) + ' Mbps');
        }
        return (ps.length ? padu.html(ps[0].axisValue) + '<br>' : '') + rows.join('<br>');
      } },
      legend: { top: 0, data: [l.lMeasuredDown, l.lForecastDown, l.lBand, l.lMeasuredUp, l.lForecastUp, l.lCapacity, l.lUsable] },
      grid: { left: 60, right: 20, top: 50, bottom: 30 },
      xAxis: { type: 'category', data: d.months, boundaryGap: false },
      yAxis: Object.assign(mbpsAxis(), { max: function (v) { return nice(Math.max(v.max, d.capacityDownMbps || 0) * 1.05); } }),
      series: series
    });
  }

  function start() {
    var f = document.getElementById('forecast-chart');
    if (f) { forecast(f); }
    var a = document.getElementById('aggregate-chart');
    if (a) { load(a, aggregate); }
    var s = document.getElementById('story-chart');
    if (s) { load(s, story); }
    document.querySelectorAll('.usage-chart').forEach(function (el) { load(el, usage); });
    var h = document.getElementById('hourly-chart');
    if (h) { load(h, hourly); }
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
})();
