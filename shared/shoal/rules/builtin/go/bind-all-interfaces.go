package main

import (
	"log"
	"net"
	"net/http"
	"os"
)

func main() {
	mux := http.NewServeMux()
	go func() {
		// ruleid: config/go-bind-all-interfaces
		log.Fatal(http.ListenAndServe(":8080", mux))
	}()
	// ruleid: config/go-bind-all-interfaces
	ln, err := net.Listen("tcp", "0.0.0.0:9000")
	if err != nil {
		log.Fatal(err)
	}
	defer ln.Close()
	admin := &http.Server{
		// ruleid: config/go-bind-all-interfaces
		Addr:    ":9090",
		Handler: mux,
	}
	go admin.ListenAndServe()

	// ok: config/go-bind-all-interfaces
	debug, err := net.Listen("tcp", "127.0.0.1:6060")
	if err != nil {
		log.Fatal(err)
	}
	defer debug.Close()
	// ok: config/go-bind-all-interfaces
	metrics := &http.Server{Addr: "localhost:2112", Handler: mux}
	go metrics.ListenAndServe()
	// ok: config/go-bind-all-interfaces
	log.Fatal(http.ListenAndServe(os.Getenv("LISTEN_ADDR"), mux))
}
