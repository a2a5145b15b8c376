// The measured-usage chart (/measurements/{code}): one value per bucket, null where nothing was
// measured, so a collector outage shows as a gap and not as zero traffic. Times are WIB wall
// time written as UTC, hence useUTC (as on the dashboard).
(function () {
  'use strict';
  var el = document.getElementById('measured-chart');
  if (!el) { return; }

  function pairs(d, values) {
    var out = new Array(values.length);
    for (var i = 0; i < values.length; i++) { out[i] = [d.startWibMs + i * d.bucketMs, values[i]]; }
    return out;
  }

  fetch(el.dataset.url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
    .then(function (d) {
      var c = echarts.init(el, null, { renderer: 'canvas' });
      c.setOption({
        useUTC: true, animation: false,
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 50, right: 20, top: 40, bottom: 30 },
        xAxis: { type: 'time' },
        yAxis: { type: 'value', name: 'Mbps', min: 0 },
        series: [
          { name: el.dataset.lDown, type: 'line', symbol: 'none', color: '#1f77b4', connectNulls: false,
            sampling: 'lttb', areaStyle: { color: 'rgba(31,119,180,0.12)' }, data: pairs(d, d.down) },
          { name: el.dataset.lUp, type: 'line', symbol: 'none', color: '#2ca02c', connectNulls: false,
            sampling: 'lttb', lineStyle: { width: 1 }, data: pairs(d, d.up) }
        ]
      });
      window.addEventListener('resize', function () { c.resize(); });
      el.setAttribute('data-rendered', 'true');
    })
    .catch(function (e) { el.textContent = String(e); el.setAttribute('data-rendered', 'error'); });
}());
