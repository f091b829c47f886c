//! What pages load: precompressed assets, cached for a year when their
//! names carry a content hash, and no script or wasm at all on a page
//! without an island.

use crate::helpers::TestApp;
use crate::process::TempDir;
use app::db::Engine;

const WASM: &str = "/pkg/samrad.Xq3-k_9aZbQ1cD.wasm";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn assets_come_precompressed_and_hashed_names_are_cached_for_a_year() {
    let site = TempDir::new("samrad-site");
    let pkg = site.path().join("pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    let file = pkg.join("samrad.Xq3-k_9aZbQ1cD.wasm");
    std::fs::write(&file, "plain wasm").unwrap();
    std::fs::write(file.with_extension("wasm.br"), "brotli wasm").unwrap();
    std::fs::write(file.with_extension("wasm.gz"), "gzip wasm").unwrap();
    std::fs::write(pkg.join("samrad.css"), "body {}").unwrap();
    let root = site.path().display().to_string();
    let app = TestApp::spawn_with(Engine::Sqlite, |c| c.site_root = root)
        .await
        .unwrap();

    for (accept, body, encoding) in [
        ("br, gzip", "brotli wasm", "br"),
        ("gzip", "gzip wasm", "gzip"),
        ("identity", "plain wasm", ""),
    ] {
        let res = app.get_with(WASM, &[("accept-encoding", accept)]).await;
        assert_eq!(res.status, 200);
        assert_eq!(res.body, body, "for {accept}");
        assert_eq!(res.header("content-encoding"), encoding);
        assert_eq!(
            res.header("cache-control"),
            "public, max-age=31536000, immutable"
        );
    }
    let css = app.get("/pkg/samrad.css").await;
    assert_eq!(css.body, "body {}");
    assert_eq!(
        css.header("cache-control"),
        "no-cache",
        "no hash, no long cache"
    );
    assert_eq!(app.get("/pkg/saknas.js").await.status, 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_without_an_island_loads_no_script_and_one_with_an_island_loads_its_wasm() {
    let app = TestApp::spawn(Engine::Sqlite).await.unwrap();
    let plain = app
        .get_with("/konto/logga-in", &[("accept", "text/html")])
        .await;
    assert_eq!(plain.status, 200);
    assert!(!plain.body.contains("<leptos-island"));
    for loader in ["<script", "modulepreload", ".wasm"] {
        assert!(!plain.body.contains(loader), "{loader} in {}", plain.body);
    }
    assert!(plain.body.contains("<form"), "the page itself is whole");

    let start = app.get_with("/", &[("accept", "text/html")]).await;
    assert!(start.body.contains("<leptos-island"));
    assert!(start.body.contains("modulepreload") && start.body.contains(".wasm"));
}
