// Gantt of the migration: per agency a bar from the day the central uplinks are paid to its
// cutover (the time its old subscription is paid twice), and the cutover day coloured by status.
(function () {
  var el = document.getElementById('gantt-chart');
  if (!el || !window.echarts) { return; }
  var colours = { planned: '#9aa5ad', scheduled: '#3d7cc9', in_progress: '#d69e16', verified: '#2e9b62',
                  done: '#1d6b43', rolled_back: '#c8412f' };
  var day = 24 * 3600 * 1000;
  fetch(el.dataset.url, { headers: { Accept: 'application/json' } }).then(function (r) { return r.json(); }).then(function (bars) {
    var codes = bars.map(function (b) { return b.code; }).reverse();
    var data = bars.map(function (b) {
      return { value: [codes.indexOf(b.code), Date.parse(b.from), Date.parse(b.to), b.status], bar: b };
    });
    var chart = echarts.init(el);
    chart.setOption({
      grid: { left: 10, containLabel: true, right: 30, top: 20, bottom: 40 },
      tooltip: { formatter: function (p) {
        // HTML: the agency's name is typed by a user, so every piece is escaped.
        var b = p.data.bar, h = padu.html;
        return h(b.code) + ' ' + h(b.name) + '<br>' + h(el.dataset.lWait) + ': ' + h(b.from) + ' → ' + h(b.to)
            + '<br>' + h(b.statusLabel);
      } },
      xAxis: { type: 'time' },
      yAxis: { type: 'category', data: codes },
      series: [{
        type: 'custom',
        encode: { x: [1, 2], y: 0 },
        renderItem: function (params, api) {
          var y = api.value(0);
          var start = api.coord([api.value(1), y]);
          var end = api.coord([api.value(2) + day, y]);
          var h = api.size([0, 1])[1] * 0.55;
          var cut = api.coord([api.value(2), y]);
          return { type: 'group', children: [
            { type: 'rect', shape: { x: start[0], y: start[1] - h / 2, width: Math.max(1, cut[0] - start[0]), height: h },
              style: { fill: '#c9d6e3' } },
            { type: 'rect', shape: { x: cut[0], y: cut[1] - h / 2, width: Math.max(4, end[0] - cut[0]), height: h },
              style: { fill: colours[api.value(3)] || '#333' } }
          ] };
        },
        data: data
      }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
