// The network view (Pages/Network/Index.cshtml): draws the neighbourhood the table shows with cytoscape, served
// from /static/lib (no CDN). Pan and zoom with the mouse; select a node to expand it (its neighbours come from the
// API) or open its record; the kind check-boxes and the dates hide nodes and links at once (the Show button asks
// the server again). No inline script: the Content-Security-Policy allows scripts from this origin only.
(function () {
    'use strict';
    var container = document.getElementById('network-graph');
    if (!container || typeof window.cytoscape !== 'function') {
        return;
    }
    var colours = {
        person: '#1f5fa8', 'case': '#6b4c9a', phone: '#c2410c', document: '#0f766e', account: '#b91c1c',
        address: '#4d7c0f', vehicle: '#a16207', organisation: '#be185d', place: '#475569'
    };
    var shapes = {
        person: 'ellipse', 'case': 'round-rectangle', phone: 'diamond', document: 'rectangle', account: 'hexagon',
        address: 'triangle', vehicle: 'vee', organisation: 'octagon', place: 'round-triangle'
    };
    // Every text the script writes comes from the page, in the page's language (data-text-*, data-words).
    function text(name) {
        var args = Array.prototype.slice.call(arguments, 1);
        return (container.getAttribute('data-text-' + name) || '').replace(/\{(\d)\}/g, function (_, i) { return String(args[Number(i)]); });
    }
    var words = JSON.parse(container.getAttribute('data-words') || '{}');
    function word(slug) {
        return words[slug] || slug;
    }
    var status = document.getElementById('network-status');
    var panel = document.getElementById('network-selection');
    var form = document.getElementById('network-filter');
    var selected = null;

    var cy = window.cytoscape({
        container: container,
        wheelSensitivity: 0.3,
        minZoom: 0.05,
        maxZoom: 4,
        style: [
            { selector: 'node', style: {
                'label': 'data(label)', 'font-size': 10, 'color': '#1f2933', 'text-valign': 'bottom', 'text-margin-y': 3,
                'width': 'mapData(degree, 1, 30, 16, 40)', 'height': 'mapData(degree, 1, 30, 16, 40)',
                'background-color': function (n) { return colours[n.data('type')] || '#64748b'; },
                'shape': function (n) { return shapes[n.data('type')] || 'ellipse'; },
                'text-wrap': 'ellipsis', 'text-max-width': 120
            } },
            { selector: 'node[?centre]', style: { 'border-width': 4, 'border-color': '#f59e0b' } },
            { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#111827' } },
            { selector: 'edge', style: {
                'width': 1.5, 'line-color': '#94a3b8', 'curve-style': 'bezier', 'label': 'data(word)', 'font-size': 7,
                'color': '#64748b', 'text-rotation': 'autorotate'
            } },
            { selector: '.hidden', style: { 'display': 'none' } }
        ]
    });

    function elementsOf(view) {
        var elements = [];
        view.nodes.forEach(function (n) {
            if (cy.getElementById(n.id).nonempty()) {
                return;
            }
            var element = { group: 'nodes', data: { id: n.id, label: n.label, type: n.type, degree: n.degree, href: n.href || '', centre: n.id === view.centre && cy.nodes().empty() } };
            if (typeof n.x === 'number' && typeof n.y === 'number') {
                element.position = { x: n.x, y: n.y };
            }
            elements.push(element);
        });
        view.links.forEach(function (l) {
            var id = l.source + '|' + l.relation + '|' + l.target;
            if (cy.getElementById(id).nonempty()) {
                return;
            }
            elements.push({ group: 'edges', data: { id: id, source: l.source, target: l.target, relation: l.relation, word: word(l.relation), from: l.from || '', to: l.to || '' } });
        });
        return elements;
    }

    function report(extra) {
        var nodes = cy.nodes().not('.hidden').length;
        var links = cy.edges().not('.hidden').length;
        container.setAttribute('data-drawn-nodes', String(nodes));
        container.setAttribute('data-drawn-links', String(links));
        status.textContent = text('drawn', nodes, links) + (extra ? ' · ' + extra : '');
    }

    function applyFilters() {
        var kinds = {};
        form.querySelectorAll('input[data-kind]').forEach(function (box) { kinds[box.getAttribute('data-kind')] = box.checked; });
        var from = form.querySelector('#from').value;
        var to = form.querySelector('#to').value;
        cy.batch(function () {
            cy.nodes().forEach(function (n) {
                n.toggleClass('hidden', kinds[n.data('type')] === false && !n.data('centre'));
            });
            cy.edges().forEach(function (e) {
                var outside = (from && e.data('to') && e.data('to') < from) || (to && e.data('from') && e.data('from') > to);
                e.toggleClass('hidden', Boolean(outside) || e.source().hasClass('hidden') || e.target().hasClass('hidden'));
            });
        });
        report();
    }

    function layout(positioned, around) {
        if (positioned) {
            cy.layout({ name: 'preset', fit: true, padding: 30 }).run();
            return;
        }
        cy.layout({
            name: 'cose', animate: false, randomize: false, fit: !around, padding: 30, nodeRepulsion: function () { return 9000; },
            idealEdgeLength: function () { return 70; }, numIter: 600
        }).run();
        if (around) {
            cy.center(around);
        }
    }

    function load(url) {
        return fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } }).then(function (response) {
            if (!response.ok) {
                return response.json().catch(function () { return {}; }).then(function (problem) {
                    throw new Error(problem.detail || problem.title || text('failed', response.status));
                });
            }
            return response.json();
        });
    }

    function select(node) {
        selected = node;
        panel.hidden = false;
        document.getElementById('network-selection-label').textContent = node.data('label');
        document.getElementById('network-selection-kind').textContent = text('kind', word(node.data('type')), node.data('degree'));
        var open = document.getElementById('network-open');
        open.hidden = !node.data('href');
        open.href = node.data('href') || '#';
    }

    function expand(node) {
        var url = '/api/v1/network/neighbourhood?hops=1&entity=' + encodeURIComponent(node.id());
        load(url).then(function (view) {
            var before = cy.nodes().length;
            var origin = node.position();
            var added = cy.add(elementsOf(view));
            added.nodes().forEach(function (n, i) {
                var angle = (2 * Math.PI * i) / Math.max(1, added.nodes().length);
                n.position({ x: origin.x + 90 * Math.cos(angle), y: origin.y + 90 * Math.sin(angle) });
            });
            if (added.nodes().length > 0 && container.getAttribute('data-positioned') !== 'true') {
                layout(false, node);
            }
            applyFilters();
            report(text('added', cy.nodes().length - before, node.data('label')));
        }).catch(function (error) { report(error.message); });
    }

    cy.on('tap', 'node', function (event) { select(event.target); });
    cy.on('dbltap', 'node', function (event) { expand(event.target); });
    document.getElementById('network-expand').addEventListener('click', function () {
        if (selected) {
            expand(selected);
        }
    });
    form.querySelectorAll('input[data-kind], #from, #to').forEach(function (input) {
        input.addEventListener('change', applyFilters);
    });

    // The canvas takes no keyboard focus: each row of the table gets a button that selects and expands its node.
    function addRowButtons() {
        document.querySelectorAll('#network-table tbody tr[data-node]').forEach(function (row) {
            var button = document.createElement('button');
            button.type = 'button';
            button.className = 'link';
            button.textContent = text('expand');
            button.addEventListener('click', function () {
                var node = cy.getElementById(row.getAttribute('data-node'));
                if (node.nonempty()) {
                    cy.nodes().unselect();
                    node.select();
                    select(node);
                    expand(node);
                }
            });
            row.lastElementChild.appendChild(document.createTextNode(' '));
            row.lastElementChild.appendChild(button);
        });
    }

    load(container.getAttribute('data-api')).then(function (view) {
        cy.add(elementsOf(view));
        layout(container.getAttribute('data-positioned') === 'true');
        applyFilters();
        addRowButtons();
    }).catch(function (error) { report(error.message); });
}());
