//! A deterministic force-directed layout (Fruchterman-Reingold with grid-limited repulsion), so
//! the same graph is drawn the same way every time and the page does no physics.

/// Positions in the unit square scaled to `[-1000, 1000]`, one per node. `edges` index nodes;
/// `pin` (if any) is held at the centre.
pub fn layout(
    ids: &[String],
    edges: &[(usize, usize, f64)],
    pin: Option<usize>,
) -> Vec<(f64, f64)> {
    let n = ids.len();
    if n == 0 {
        return Vec::new();
    }
    if n == 1 {
        return vec![(0.0, 0.0)];
    }
    let side = 2000.0f64;
    let k = (side * side / n as f64).sqrt() * 0.8;
    // Start on a golden-angle spiral, ordered by a hash of the id: deterministic, spread out.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| (fnv(&ids[i]), i));
    let mut pos = vec![(0.0f64, 0.0f64); n];
    for (rank, &i) in order.iter().enumerate() {
        let r = side * 0.45 * ((rank as f64 + 0.5) / n as f64).sqrt();
        let a = rank as f64 * 2.399_963_229_728_653;
        pos[i] = (r * a.cos(), r * a.sin());
    }
    if let Some(p) = pin {
        pos[p] = (0.0, 0.0);
    }
    let iterations = if n <= 200 {
        300
    } else if n <= 1000 {
        150
    } else {
        80
    };
    let mut temp = side / 10.0;
    let cool = temp / (iterations as f64 + 1.0);
    let cell = 2.0 * k;
    let mut disp = vec![(0.0f64, 0.0f64); n];
    let mut grid: std::collections::HashMap<(i64, i64), Vec<usize>> =
        std::collections::HashMap::new();
    for _ in 0..iterations {
        disp.iter_mut().for_each(|d| *d = (0.0, 0.0));
        grid.clear();
        for (i, p) in pos.iter().enumerate() {
            grid.entry(((p.0 / cell).floor() as i64, (p.1 / cell).floor() as i64))
                .or_default()
                .push(i);
        }
        // Repulsion between nodes in neighbouring cells.
        for (i, p) in pos.iter().enumerate() {
            let (cx, cy) = ((p.0 / cell).floor() as i64, (p.1 / cell).floor() as i64);
            for gx in cx - 1..=cx + 1 {
                for gy in cy - 1..=cy + 1 {
                    let Some(cellv) = grid.get(&(gx, gy)) else {
                        continue;
                    };
                    for &j in cellv {
                        if j == i {
                            continue;
                        }
                        let (mut dx, mut dy) = (p.0 - pos[j].0, p.1 - pos[j].1);
                        let mut d2 = dx * dx + dy * dy;
                        if d2 < 1e-6 {
                            // Coincident: push apart along a fixed direction by index.
                            dx = if i < j { 0.1 } else { -0.1 };
                            dy = 0.05;
                            d2 = dx * dx + dy * dy;
                        }
                        let d = d2.sqrt();
                        if d < cell {
                            let f = k * k / d;
                            disp[i].0 += dx / d * f;
                            disp[i].1 += dy / d * f;
                        }
                    }
                }
            }
        }
        // Attraction along edges, stronger with more origins.
        for &(a, b, w) in edges {
            if a == b {
                continue;
            }
            let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
            let d = (dx * dx + dy * dy).sqrt().max(0.01);
            let f = d * d / k * (1.0 + w.ln_1p() * 0.3);
            let (fx, fy) = (dx / d * f, dy / d * f);
            disp[a].0 -= fx;
            disp[a].1 -= fy;
            disp[b].0 += fx;
            disp[b].1 += fy;
        }
        // Gravity keeps components together.
        for (i, p) in pos.iter().enumerate() {
            disp[i].0 -= p.0 * 0.01 * k / 10.0;
            disp[i].1 -= p.1 * 0.01 * k / 10.0;
        }
        for i in 0..n {
            if Some(i) == pin {
                continue;
            }
            let (dx, dy) = disp[i];
            let d = (dx * dx + dy * dy).sqrt();
            if d > 0.0 {
                let step = d.min(temp);
                pos[i].0 += dx / d * step;
                pos[i].1 += dy / d * step;
            }
        }
        temp = (temp - cool).max(1.0);
    }
    // Scale into [-1000, 1000], keeping the aspect ratio.
    let max = pos
        .iter()
        .map(|p| p.0.abs().max(p.1.abs()))
        .fold(1.0f64, f64::max);
    pos.iter()
        .map(|p| ((p.0 / max * 1000.0).round(), (p.1 / max * 1000.0).round()))
        .collect()
}

fn fnv(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_spread_and_connected_nodes_closer() {
        let ids: Vec<String> = (0..60).map(|i| format!("a{i}")).collect();
        let mut edges: Vec<(usize, usize, f64)> = (0..29).map(|i| (i, i + 1, 1.0)).collect();
        edges.extend((30..59).map(|i| (i, i + 1, 1.0)));
        let a = layout(&ids, &edges, None);
        assert_eq!(a, layout(&ids, &edges, None));
        // No two nodes on top of each other.
        for i in 0..a.len() {
            for j in i + 1..a.len() {
                let d = ((a[i].0 - a[j].0).powi(2) + (a[i].1 - a[j].1).powi(2)).sqrt();
                assert!(d > 5.0, "{i} {j} {d}");
            }
        }
        // Neighbours sit closer than the average pair.
        let dist =
            |i: usize, j: usize| ((a[i].0 - a[j].0).powi(2) + (a[i].1 - a[j].1).powi(2)).sqrt();
        let linked: f64 =
            edges.iter().map(|&(x, y, _)| dist(x, y)).sum::<f64>() / edges.len() as f64;
        let mut all = 0.0;
        let mut n = 0.0;
        for i in 0..60 {
            for j in i + 1..60 {
                all += dist(i, j);
                n += 1.0;
            }
        }
        assert!(linked < all / n / 2.0, "{linked} vs {}", all / n);
        let p = layout(&ids, &edges, Some(7));
        assert_eq!(p[7], (0.0, 0.0));
    }
}
