// Charts of a planning scenario: cost per year (status quo against plan) and the simulation
// (served share and congested intervals per central agency, normal and with a provider failed).
(function () {
  'use strict';
  var charts = [];

  function rupiah(v) {
    return 'Rp ' + Math.round(v).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  }

  function years(el, d) {
    var l = el.dataset;
    var c = echarts.init(el);
    charts.push(c);
    c.setOption({
      tooltip: { trigger: 'axis', valueFormatter: rupiah },
      legend: { data: [l.lStatusQuo, l.lPlan] },
      grid: { left: 110, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: d.years },
      yAxis: { type: 'value', axisLabel: { formatter: function (v) { return rupiah(v); } } },
      series: [
        { name: l.lStatusQuo, type: 'bar', data: d.statusQuo, color: '#999999' },
        { name: l.lPlan, type: 'bar', data: d.plan, color: '#1f77b4' }
      ]
    });
  }

  function served(el, d) {
    var l = el.dataset;
    var c = echarts.init(el);
    charts.push(c);
    var series = [
      { name: l.lNormal + ' ' + l.lDown, type: 'bar', data: d.servedDown, color: '#1f77b4' },
      { name: l.lNormal + ' ' + l.lUp, type: 'bar', data: d.servedUp, color: '#aec7e8' }
    ];
    if (d.failedProvider) {
      series.push({ name: l.lFailed + ' ' + l.lDown, type: 'bar', data: d.failedServedDown, color: '#d62728' });
      series.push({ name: l.lFailed + ' ' + l.lUp, type: 'bar', data: d.failedServedUp, color: '#ff9896' });
    }
    c.setOption({
      title: { text: l.lServed, textStyle: { fontSize: 13 } },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v + ' %'; } },
      legend: { top: 24 },
      grid: { left: 50, right: 20, top: 70, bottom: 70 },
      xAxis: { type: 'category', data: d.codes, axisLabel: { rotate: 45 } },
      yAxis: { type: 'value', name: '%', min: function (v) { return Math.max(0, Math.floor(v.min - 1)); }, max: 100 },
      series: series
    });
  }

  function congested(el, d) {
    var l = el.dataset;
    var c = echarts.init(el);
    charts.push(c);
    var series = [{ name: l.lNormal, type: 'bar', data: d.congestedDown.map(function (v, i) { return v + d.congestedUp[i]; }), color: '#1f77b4' }];
    if (d.failedProvider) {
      series.push({ name: l.lFailed, type: 'bar', data: d.failedCongestedDown.map(function (v, i) { return v + d.failedCongestedUp[i]; }), color: '#d62728' });
    }
    c.setOption({
      title: { text: l.lCongested, textStyle: { fontSize: 13 } },
      tooltip: { trigger: 'axis' },
      legend: { top: 24 },
      grid: { left: 60, right: 20, top: 70, bottom: 70 },
      xAxis: { type: 'category', data: d.codes, axisLabel: { rotate: 45 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: series
    });
  }

  function start() {
    var first = document.querySelector('.chart[data-url]');
    if (!first || typeof echarts === 'undefined') { return; }
    fetch(first.dataset.url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (d) {
        var draw = { 'chart-years': years, 'chart-served': served, 'chart-congested': congested };
        Object.keys(draw).forEach(function (id) {
          var el = document.getElementById(id);
          if (el) { draw[id](el, d); el.setAttribute('data-rendered', 'true'); }
        });
      })
      .catch(function (e) { first.textContent = String(e); first.setAttribute('data-rendered', 'error'); });
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
}());
