// Command acme-go-client gets one certificate from an ACME server the way cert-manager's ACME issuer does, with the
// library cert-manager's client is a fork of (golang.org/x/crypto/acme): an RSA-2048 account key registered with an
// external account binding (HS256), a new order, http-01 answered by its own HTTP server, the challenge accepted and
// its authorization waited for, finalization with a CSR of a new RSA-2048 key, the alternate chains listed (where
// cert-manager picks a preferred chain) and the chain fetched. It trusts only the roots it is given.
//
// Built offline from Debian's packages: GO111MODULE=off GOPATH=/usr/share/gocode go build (see AcmeGoClientIT).
package main

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"golang.org/x/crypto/acme"
)

func main() {
	directory := flag.String("directory", "", "the ACME directory URL")
	roots := flag.String("roots", "", "PEM file of the only roots trusted")
	kid := flag.String("eab-kid", "", "external account binding key id")
	hmacKey := flag.String("eab-hmac", "", "external account binding HMAC key, base64url as the CA hands it out")
	domain := flag.String("domain", "", "the DNS name to get a certificate for")
	listen := flag.String("http01", "127.0.0.1:80", "where to answer http-01")
	out := flag.String("out", "chain.pem", "where to write the certificate and its chain")
	flag.Parse()

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	client := &acme.Client{
		Key:          newKey(),
		DirectoryURL: *directory,
		UserAgent:    "certgate-it-cert-manager-style",
		HTTPClient:   &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: trust(*roots)}}},
	}

	// cert-manager reads the binding key from its Secret as base64url and always MACs it with HS256
	key, err := base64.RawURLEncoding.DecodeString(*hmacKey)
	check("eab key", err)
	account, err := client.Register(ctx, &acme.Account{
		Contact:                []string{"mailto:ops@" + *domain},
		ExternalAccountBinding: &acme.ExternalAccountBinding{KID: *kid, Key: key},
	}, acme.AcceptTOS)
	check("register", err)
	fmt.Println("account", account.URI, account.Status)

	order, err := client.AuthorizeOrder(ctx, acme.DomainIDs(*domain))
	check("new order", err)
	fmt.Println("order", order.URI, order.Status)

	responses := serveHTTP01(*listen)
	for _, url := range order.AuthzURLs {
		authz, err := client.GetAuthorization(ctx, url)
		check("authorization", err)
		if authz.Status == acme.StatusValid {
			continue // reused by the server
		}
		var challenge *acme.Challenge
		for _, c := range authz.Challenges {
			if c.Type == "http-01" {
				challenge = c
			}
		}
		if challenge == nil {
			log.Fatalf("authorization %s offers no http-01", url)
		}
		body, err := client.HTTP01ChallengeResponse(challenge.Token)
		check("key authorization", err)
		responses.Store(client.HTTP01ChallengePath(challenge.Token), body)
		_, err = client.Accept(ctx, challenge)
		check("accept", err)
		authz, err = client.WaitAuthorization(ctx, url)
		check("wait for the authorization", err)
		fmt.Println("authorization", url, authz.Status)
	}

	order, err = client.WaitOrder(ctx, order.URI)
	check("wait for the order", err)
	csr, err := x509.CreateCertificateRequest(rand.Reader, &x509.CertificateRequest{DNSNames: []string{*domain}},
		newKey())
	check("csr", err)
	_, certURL, err := client.CreateOrderCert(ctx, order.FinalizeURL, csr, true)
	check("finalize", err)
	alternates, err := client.ListCertAlternates(ctx, certURL)
	check("alternates", err)
	chain, err := client.FetchCert(ctx, certURL, true)
	check("fetch the chain", err)
	file, err := os.Create(*out)
	check("output", err)
	for _, der := range chain {
		check("output", pem.Encode(file, &pem.Block{Type: "CERTIFICATE", Bytes: der}))
	}
	check("output", file.Close())
	fmt.Println("certificate", certURL, "chain", len(chain), "alternates", len(alternates))
}

func newKey() *rsa.PrivateKey {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	check("key", err)
	return key
}

func trust(file string) *x509.CertPool {
	data, err := os.ReadFile(file)
	check("roots", err)
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(data) {
		log.Fatalf("no certificate in %s", file)
	}
	return pool
}

// serveHTTP01 answers /.well-known/acme-challenge/<token> with what is stored under its path, 404 otherwise.
func serveHTTP01(address string) *sync.Map {
	responses := &sync.Map{}
	listener, err := net.Listen("tcp", address)
	check("http-01 listener", err)
	go http.Serve(listener, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if body, ok := responses.Load(r.URL.Path); ok {
			w.Write([]byte(body.(string)))
			return
		}
		http.NotFound(w, r)
	}))
	return responses
}

func check(step string, err error) {
	if err != nil {
		log.Fatalf("%s: %v", step, err)
	}
}
