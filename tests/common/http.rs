//! A small HTTP/1.1 server on 127.0.0.1 for fetch tests: fixed routes that
//! cover 200, 304, 301, 302, 404, 500, slow, gzip, wrong charset, malformed.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

pub struct Server {
    pub base: String,
    stop: Arc<AtomicBool>,
    pub hits: Arc<AtomicUsize>,
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(self.base.trim_start_matches("http://"));
    }
}

pub fn rss(title: &str, items: &[(&str, &str)]) -> String {
    let items: String = items
        .iter()
        .map(|(t, link)| {
            format!("<item><title>{t}</title><link>{link}</link><guid>{link}</guid><description>About {t}.</description></item>")
        })
        .collect();
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>{title}</title><link>http://example.com/</link>{items}</channel></rss>"
    )
}

fn respond(stream: &mut TcpStream, status: &str, headers: &[(&str, String)], body: &[u8]) {
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(body);
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    let _ = enc.write_all(data);
    enc.finish().unwrap_or_default()
}

fn handle(mut stream: TcpStream, base: &str) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).is_err() || h.trim().is_empty() {
            break;
        }
        headers.push(h.trim().to_lowercase());
    }
    let has = |name: &str| headers.iter().any(|h| h.starts_with(name));
    let xml = |s: String| {
        (
            s.into_bytes(),
            vec![("Content-Type", "application/rss+xml".to_string())],
        )
    };
    match path.as_str() {
        "/rss" => {
            if headers.iter().any(|h| h == "if-none-match: \"v1\"") {
                respond(
                    &mut stream,
                    "304 Not Modified",
                    &[("ETag", "\"v1\"".into())],
                    b"",
                );
            } else {
                let (body, mut h) = xml(rss(
                    "Good Feed",
                    &[
                        ("First story", "http://example.com/1"),
                        ("Second story", "http://example.com/2"),
                    ],
                ));
                h.push(("ETag", "\"v1\"".into()));
                respond(&mut stream, "200 OK", &h, &body);
            }
        }
        // No validators: every fetch gets the whole feed again.
        "/daily" => {
            let (body, h) = xml(rss(
                "Daily Feed",
                &[
                    ("Alpha news", "http://example.com/d1"),
                    ("Beta news", "http://example.com/d2"),
                    ("Gamma news", "http://example.com/d3"),
                ],
            ));
            respond(&mut stream, "200 OK", &h, &body);
        }
        "/other" => {
            let (body, h) = xml(rss(
                "Other Feed",
                &[("Other story", "http://example.com/o")],
            ));
            respond(&mut stream, "200 OK", &h, &body);
        }
        "/moved" => respond(
            &mut stream,
            "301 Moved Permanently",
            &[("Location", format!("{base}/other"))],
            b"",
        ),
        "/temp" => respond(
            &mut stream,
            "302 Found",
            &[("Location", "/other".into())],
            b"",
        ),
        "/to-file" => respond(
            &mut stream,
            "301 Moved Permanently",
            &[("Location", "file:///etc/passwd".into())],
            b"",
        ),
        "/loop" => respond(
            &mut stream,
            "302 Found",
            &[("Location", "/loop".into())],
            b"",
        ),
        "/missing" => respond(&mut stream, "404 Not Found", &[], b"no"),
        "/error" => respond(&mut stream, "500 Internal Server Error", &[], b"oops"),
        "/slow" => {
            std::thread::sleep(Duration::from_secs(3));
            respond(&mut stream, "200 OK", &[], b"late");
        }
        "/gzip" => {
            let body = rss(
                "Zipped Feed",
                &[("Compressed story", "http://example.com/z")],
            );
            let accepted = has("accept-encoding: gzip")
                || headers
                    .iter()
                    .any(|h| h.starts_with("accept-encoding") && h.contains("gzip"));
            if accepted {
                respond(
                    &mut stream,
                    "200 OK",
                    &[
                        ("Content-Encoding", "gzip".into()),
                        ("Content-Type", "application/rss+xml".into()),
                    ],
                    &gzip(body.as_bytes()),
                );
            } else {
                respond(&mut stream, "406 Not Acceptable", &[], b"gzip only");
            }
        }
        "/latin1" => {
            let text = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Caf\u{e9} Feed</title><item><title>Perch\u{e9} il caff\u{e8}</title><link>http://example.com/l</link></item></channel></rss>";
            let body: Vec<u8> = text.chars().map(|c| c as u32 as u8).collect();
            respond(
                &mut stream,
                "200 OK",
                &[("Content-Type", "application/xml; charset=iso-8859-1".into())],
                &body,
            );
        }
        "/malformed" => respond(
            &mut stream,
            "200 OK",
            &[("Content-Type", "application/xml".into())],
            b"<rss><channel><item><title>broken",
        ),
        "/page" => {
            let body = format!(
                "<html><head><title>Site</title><link rel=\"alternate\" type=\"application/rss+xml\" href=\"{base}/rss\"></head><body><p>Hello</p></body></html>"
            );
            respond(
                &mut stream,
                "200 OK",
                &[("Content-Type", "text/html; charset=utf-8".into())],
                body.as_bytes(),
            );
        }
        "/bomb" => {
            let zeros = vec![0u8; 8 * 1024 * 1024];
            respond(
                &mut stream,
                "200 OK",
                &[("Content-Encoding", "gzip".into())],
                &gzip(&zeros),
            );
        }
        "/big" => {
            let body = vec![b'x'; 3 * 1024 * 1024];
            respond(&mut stream, "200 OK", &[], &body);
        }
        _ => respond(&mut stream, "404 Not Found", &[], b""),
    }
    let _ = stream.flush();
    let mut rest = Vec::new();
    let _ = stream.set_read_timeout(Some(Duration::from_millis(10)));
    let _ = reader.read_to_end(&mut rest);
}

pub fn start() -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    let stop = Arc::new(AtomicBool::new(false));
    let hits = Arc::new(AtomicUsize::new(0));
    let (stop2, hits2, base2) = (stop.clone(), hits.clone(), base.clone());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            if stop2.load(Ordering::SeqCst) {
                break;
            }
            let Ok(stream) = stream else { continue };
            hits2.fetch_add(1, Ordering::SeqCst);
            let base = base2.clone();
            std::thread::spawn(move || handle(stream, &base));
        }
    });
    Server { base, stop, hits }
}
