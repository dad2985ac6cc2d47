//! A small HTTP/1.1 client over hyper: one keep-alive connection, as one tablet holds, reopened
//! when the server closes it.

use anyhow::Context;
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::client::conn::http1::{self, SendRequest};
use hyper::{Method, Request, header};
use hyper_util::rt::TokioIo;
use std::net::SocketAddr;

/// A whole answer.
pub struct Answer {
    pub status: u16,
    /// `Retry-After` in seconds, on a 429.
    pub retry_after: Option<u64>,
    pub body: Bytes,
}

pub struct Connection {
    addr: SocketAddr,
    sender: Option<SendRequest<Full<Bytes>>>,
}

impl Connection {
    pub fn new(addr: SocketAddr) -> Connection {
        Connection { addr, sender: None }
    }

    pub async fn get(&mut self, path: &str) -> anyhow::Result<Answer> {
        self.send(Method::GET, path, None, Bytes::new()).await
    }

    /// POSTs `body` (JSON) with `token` as the device's bearer token.
    pub async fn post(&mut self, path: &str, token: &str, body: Bytes) -> anyhow::Result<Answer> {
        self.send(Method::POST, path, Some(token), body).await
    }

    async fn send(
        &mut self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Bytes,
    ) -> anyhow::Result<Answer> {
        let mut request = Request::builder()
            .method(method)
            .uri(path)
            .header(header::HOST, self.addr.to_string())
            .header(header::CONTENT_TYPE, "application/json");
        if let Some(token) = token {
            request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        let request = request.body(Full::new(body))?;
        let sender = self.ready().await?;
        let outcome = async {
            let response = sender.send_request(request).await?;
            let status = response.status().as_u16();
            let retry_after = response
                .headers()
                .get(header::RETRY_AFTER)
                .and_then(|v| v.to_str().ok()?.parse().ok());
            let body = response.into_body().collect().await?.to_bytes();
            anyhow::Ok(Answer {
                status,
                retry_after,
                body,
            })
        }
        .await;
        if outcome.is_err() {
            // A connection that failed once is not trusted again.
            self.sender = None;
        }
        outcome
    }

    async fn ready(&mut self) -> anyhow::Result<&mut SendRequest<Full<Bytes>>> {
        if let Some(sender) = &mut self.sender
            && sender.ready().await.is_err()
        {
            self.sender = None;
        }
        if self.sender.is_none() {
            let stream = tokio::net::TcpStream::connect(self.addr)
                .await
                .with_context(|| format!("cannot connect to {}", self.addr))?;
            // Requests are small and answered at once: no Nagle delay.
            stream.set_nodelay(true)?;
            let (sender, connection) = http1::handshake(TokioIo::new(stream)).await?;
            tokio::spawn(async move {
                let _ = connection.await;
            });
            self.sender = Some(sender);
        }
        Ok(self.sender.as_mut().expect("set just above"))
    }
}
