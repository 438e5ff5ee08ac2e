#!/usr/bin/env python3
"""Seed corpora for the IKE fuzzers from pcap files that `ikec negotiate --pcap` wrote.

usage: seeds.py WIRE_DIR SESSION_DIR AUTH_DIR RESPONDER_ADDRESS PCAP...

Every IKE datagram becomes a fuzz-wire seed. The datagrams sent to RESPONDER_ADDRESS, in
order, become fuzz-session seeds: the first one, the first two, and so on, each prefixed
with the version selector octet (0 for IKEv2, 1 for IKEv1, read from the IKE header) and
framed with a two-octet length, the input format fuzz-session reads. AUTH_DIR gets the
inner payloads of an IKE_AUTH request for the seed pair's responder (IDi, AUTH, SA, TSi,
TSr; fuzz-auth fills in the AUTH data), the input format fuzz-auth reads.
"""
import os
import struct
import sys

LINK_HEADER = {0: 4, 1: 14, 101: 0, 113: 16}


def datagrams(path):
    """(destination, IKE message) for each UDP packet on port 500 or 4500."""
    data = open(path, "rb").read()
    link = struct.unpack("<I", data[20:24])[0]
    offset = 24
    while offset + 16 <= len(data):
        length = struct.unpack("<I", data[offset + 8 : offset + 12])[0]
        packet = data[offset + 16 : offset + 16 + length]
        offset += 16 + length
        ip = LINK_HEADER[link]
        if packet[ip] >> 4 == 4:
            if packet[ip + 9] != 17:
                continue
            destination = ".".join(map(str, packet[ip + 16 : ip + 20]))
            udp = ip + (packet[ip] & 15) * 4
        else:
            if packet[ip + 6] != 17:
                continue
            destination = packet[ip + 24 : ip + 40].hex()
            udp = ip + 40
        ports = struct.unpack(">HH", packet[udp : udp + 4])
        message = packet[udp + 8 :]
        if 4500 in ports:
            if message[:4] != b"\0\0\0\0":
                continue  # ESP in UDP
            message = message[4:]
        yield destination, message


def payload(next_type, body):
    """A generic payload header (RFC 7296 section 3.2) and the body."""
    return struct.pack(">BBH", next_type, 0, 4 + len(body)) + body


def auth_seeds(folder):
    """IDi, AUTH, SA (ESP AES-GCM-128, no ESN), TSi and TSr for the seed pair."""
    identity = b"\x02\0\0\0branch.example.net"
    auth = b"\x02\0\0\0" + bytes(32)
    cipher = struct.pack(">BBHBBHHH", 3, 0, 12, 1, 0, 20, 0x800E, 128)
    esn = struct.pack(">BBHBBH", 0, 0, 8, 5, 0, 0)
    proposal = struct.pack(">BBHBBBB", 0, 0, 12 + len(cipher) + len(esn), 1, 3, 4, 2)
    proposal += b"\x01\x02\x03\x04" + cipher + esn

    def selectors(first, last):
        selector = struct.pack(">BBHHH", 7, 0, 16, 0, 65535) + bytes(first) + bytes(last)
        return b"\x01\0\0\0" + selector

    chain = payload(39, identity) + payload(33, auth) + payload(44, proposal)
    chain += payload(45, selectors([10, 1, 0, 0], [10, 1, 255, 255]))
    chain += payload(0, selectors([10, 2, 0, 0], [10, 2, 255, 255]))
    open(os.path.join(folder, "ike-auth"), "wb").write(bytes([35]) + chain)
    open(os.path.join(folder, "idi-only"), "wb").write(bytes([35]) + payload(0, identity))


def main():
    wire, session, auth, responder = sys.argv[1:5]
    auth_seeds(auth)
    count = 0
    for path in sys.argv[5:]:
        to_responder = []
        for destination, message in datagrams(path):
            open(os.path.join(wire, f"{os.path.basename(path)}-{count}"), "wb").write(message)
            count += 1
            if destination == responder:
                to_responder.append(message)
        for size in range(1, min(4, len(to_responder)) + 1):
            chosen = to_responder[:size]
            selector = 0 if chosen[0][17] >> 4 == 2 else 1  # major version, RFC 7296 3.1
            framed = b"".join(struct.pack(">H", len(m)) + m for m in chosen)
            name = os.path.join(session, f"{os.path.basename(path)}-{size}")
            open(name, "wb").write(bytes([selector]) + framed)


if __name__ == "__main__":
    main()
