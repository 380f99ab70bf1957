//! The HTML report: the page for the shipped claims, that it stands alone, that its markup is
//! balanced and escaped, and that the same check renders the same bytes.

use std::path::PathBuf;

use attest::report::html;

fn shipped() -> attest::Outcome {
    let options = attest::Options::new(vec!["claims/".into()]);
    attest::check(&options).expect("the shipped corpus loads")
}

fn render(outcome: &attest::Outcome) -> String {
    let mut out = Vec::new();
    html::check(&mut out, outcome).expect("writes to a Vec");
    String::from_utf8(out).expect("UTF-8")
}

#[test]
fn html_report() {
    let page = render(&shipped());
    // The version is in the page; a release should not change the snapshot.
    let filters = vec![(r"attest \d+\.\d+\.\d+(-[0-9A-Za-z.]+)?", "attest [version]")];
    insta::with_settings!({ filters => filters }, {
        insta::assert_snapshot!(page);
    });
}

#[test]
fn the_page_loads_nothing() {
    let page = render(&shipped()).to_lowercase();
    for needle in [
        "http://", "https://", "src=", "<link", "@import", "url(", "<img", "<iframe", "//cdn",
    ] {
        assert!(
            !page.contains(needle),
            "the page refers to something outside it: `{needle}`"
        );
    }
}

#[test]
fn every_claim_is_one_row_with_its_evidence() {
    let outcome = shipped();
    let page = render(&outcome);
    for result in &outcome.results {
        let id = outcome.claim(result).id.value.as_str();
        let row = format!("<tr class=\"claim-row\" id=\"claim-{id}\">");
        assert_eq!(page.matches(&row).count(), 1, "one row for `{id}`");
    }
    assert_eq!(
        page.matches("<tr class=\"claim-row\"").count(),
        outcome.results.len()
    );
    let evidence: usize = outcome
        .results
        .iter()
        .map(|r| r.judgement.evidence.len())
        .sum();
    assert_eq!(page.matches("<li class=\"ev ").count(), evidence);
    assert!(page.contains("<select id=\"verdict-filter\">"));
    for v in [
        "all",
        "supported",
        "conflicting",
        "contested",
        "unsupported",
    ] {
        assert!(
            page.contains(&format!("<option value=\"{v}\">")),
            "filter option {v}"
        );
    }
}

#[test]
fn the_markup_is_balanced() {
    let page = render(&shipped());
    if let Err(problem) = balanced(&page) {
        panic!("{problem}");
    }
    assert_eq!(
        page.matches("<details>").count(),
        page.matches("</details>").count()
    );
}

#[test]
fn the_same_check_renders_the_same_bytes() {
    assert_eq!(render(&shipped()), render(&shipped()));
}

#[test]
fn text_from_claims_and_corpus_is_escaped() {
    let dir = scratch("escaped");
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).expect("creates the corpus folder");
    std::fs::write(
        corpus.join("tags.txt"),
        "On 13 October 1921 the \"Kars <treaty>\" & its annex were signed in Kars.\n",
    )
    .expect("writes the source");
    let claims = dir.join("claims.yaml");
    std::fs::write(
        &claims,
        "claims:\n  - id: kars-signed\n    text: 'The <b>Kars</b> treaty & \"friends\" </td>'\n    \
         event: signing of the treaty in Kars\n    date: 13 October 1921\n",
    )
    .expect("writes the claims");
    let mut options = attest::Options::new(vec![claims]);
    options.corpus = Some(corpus);
    let outcome = attest::check(&options).expect("the corpus loads");
    let page = render(&outcome);
    std::fs::remove_dir_all(&dir).ok();

    assert!(!page.contains("<b>"), "claim text is escaped");
    assert!(!page.contains("<treaty>"), "corpus text is escaped");
    assert!(
        page.contains("The &lt;b&gt;Kars&lt;/b&gt; treaty &amp; &quot;friends&quot; &lt;/td&gt;")
    );
    assert!(page.contains("&quot;Kars &lt;treaty&gt;&quot; &amp; its annex"));
    let marked: Vec<&str> = page
        .split("<mark>")
        .skip(1)
        .filter_map(|m| m.split("</mark>").next())
        .collect();
    assert!(
        marked.iter().any(|m| m.contains("13 October 1921")),
        "the found date is marked: {marked:?}"
    );
    if let Err(problem) = balanced(&page) {
        panic!("{problem}");
    }
}

#[test]
fn problems_in_the_input_are_listed() {
    let mut options = attest::Options::new(vec!["tests/fixtures/claims/good-kars.yaml".into()]);
    options.corpus = Some("tests/fixtures/corpus/mixed".into());
    let outcome = attest::check(&options).expect("the corpus loads");
    let page = render(&outcome);
    assert!(page.contains("<h2 id=\"diagnostics-h\">Problems in the input</h2>"));
    assert!(page.contains("<code>attest::corpus::binary</code>"));
    if let Err(problem) = balanced(&page) {
        panic!("{problem}");
    }
}

#[test]
fn a_check_with_no_claims_renders_an_empty_page() {
    let options = attest::Options::new(vec!["tests/fixtures/no-such-folder".into()]);
    let outcome = attest::check(&options).expect("no corpus is needed");
    let page = render(&outcome);
    assert!(page.contains("<span class=\"n\" data-count=\"total\">0</span>"));
    assert!(page.contains("<code>attest::claims::io</code>"));
    assert!(
        !page.contains("id=\"timeline\""),
        "no dated claim, no timeline"
    );
    if let Err(problem) = balanced(&page) {
        panic!("{problem}");
    }
}

/// A fresh folder for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("attest-html-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).expect("creates a scratch folder");
    dir
}

/// Elements that have no end tag.
const VOID: [&str; 6] = ["meta", "br", "input", "link", "hr", "img"];

/// Checks that every element is closed in order and that every `&` starts an entity, outside
/// the raw text of `<style>` and `<script>`.
fn balanced(page: &str) -> Result<(), String> {
    let mut open: Vec<String> = Vec::new();
    let mut rest = page;
    while let Some(lt) = rest.find('<') {
        entities(&rest[..lt])?;
        let after = &rest[lt + 1..];
        let gt = after
            .find('>')
            .ok_or_else(|| format!("unclosed tag at `{}`", head(after)))?;
        let tag = &after[..gt];
        rest = &after[gt + 1..];
        if tag.starts_with('!') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            match open.pop() {
                Some(top) if top == name => continue,
                top => {
                    return Err(format!(
                        "`</{name}>` closes {top:?}, before `{}`",
                        head(rest)
                    ));
                }
            }
        }
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if name.is_empty() {
            return Err(format!("a bare `<` before `{}`", head(after)));
        }
        entities(tag)?;
        if tag.ends_with('/') || VOID.contains(&name.as_str()) {
            continue;
        }
        if name == "style" || name == "script" {
            let close = format!("</{name}>");
            let end = rest
                .find(&close)
                .ok_or_else(|| format!("`<{name}>` is never closed"))?;
            rest = &rest[end + close.len()..];
            continue;
        }
        open.push(name);
    }
    entities(rest)?;
    match open.as_slice() {
        [] => Ok(()),
        left => Err(format!("never closed: {left:?}")),
    }
}

fn entities(text: &str) -> Result<(), String> {
    for (i, _) in text.match_indices('&') {
        let tail = &text[i..];
        if !["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
            .iter()
            .any(|e| tail.starts_with(e))
        {
            return Err(format!("a bare `&` at `{}`", head(tail)));
        }
    }
    Ok(())
}

fn head(s: &str) -> String {
    s.chars().take(60).collect()
}
