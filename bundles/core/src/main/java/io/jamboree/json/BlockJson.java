package io.jamboree.json;

import static io.jamboree.json.JsonSupport.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jamboree.core.ChainParams;
import io.jamboree.types.AssurancesExtrinsic;
import io.jamboree.types.AvailAssurance;
import io.jamboree.types.Block;
import io.jamboree.types.Culprit;
import io.jamboree.types.DisputesExtrinsic;
import io.jamboree.types.EpochMark;
import io.jamboree.types.EpochMarkValidator;
import io.jamboree.types.Extrinsic;
import io.jamboree.types.Fault;
import io.jamboree.types.GuaranteesExtrinsic;
import io.jamboree.types.Header;
import io.jamboree.types.Judgement;
import io.jamboree.types.Preimage;
import io.jamboree.types.PreimagesExtrinsic;
import io.jamboree.types.ReportGuarantee;
import io.jamboree.types.TicketBody;
import io.jamboree.types.TicketEnvelope;
import io.jamboree.types.TicketsExtrinsic;
import io.jamboree.types.ValidatorSignature;
import io.jamboree.types.Verdict;
import java.util.List;

/** JSON mapping of blocks, headers and extrinsics (GP §4.1, §5, §6.7, §10.2, §11.2, §11.4, §12.4) as in the vectors. */
public final class BlockJson {
    private BlockJson() {}

    // ---- tickets

    public static TicketBody ticketBody(JsonNode n) {
        return new TicketBody(hash(n, "id"), u8(n, "attempt"));
    }

    public static JsonNode toJson(TicketBody t) {
        ObjectNode o = object();
        o.put("id", t.id().hex());
        o.put("attempt", t.attempt());
        return o;
    }

    public static TicketEnvelope ticketEnvelope(JsonNode n) {
        return new TicketEnvelope(u8(n, "attempt"), ringVrfSig(n, "signature"));
    }

    public static JsonNode toJson(TicketEnvelope t) {
        ObjectNode o = object();
        o.put("attempt", t.attempt());
        o.put("signature", t.signature().hex());
        return o;
    }

    public static TicketsExtrinsic ticketsExtrinsic(JsonNode n) {
        return new TicketsExtrinsic(list(n, BlockJson::ticketEnvelope));
    }

    public static JsonNode toJson(TicketsExtrinsic x) {
        return array(x.tickets(), BlockJson::toJson);
    }

    // ---- preimages

    public static Preimage preimage(JsonNode n) {
        return new Preimage(u32(n, "requester"), blob(n, "blob"));
    }

    public static JsonNode toJson(Preimage p) {
        ObjectNode o = object();
        o.set("requester", num(p.requester()));
        o.put("blob", p.blob().hex());
        return o;
    }

    public static PreimagesExtrinsic preimagesExtrinsic(JsonNode n) {
        return new PreimagesExtrinsic(list(n, BlockJson::preimage));
    }

    public static JsonNode toJson(PreimagesExtrinsic x) {
        return array(x.preimages(), BlockJson::toJson);
    }

    // ---- guarantees

    public static ValidatorSignature validatorSignature(JsonNode n) {
        return new ValidatorSignature(u16(n, "validator_index"), ed25519Sig(n, "signature"));
    }

    public static JsonNode toJson(ValidatorSignature s) {
        ObjectNode o = object();
        o.put("validator_index", s.validatorIndex());
        o.put("signature", s.signature().hex());
        return o;
    }

    public static ReportGuarantee reportGuarantee(JsonNode n, ChainParams p) {
        return new ReportGuarantee(WorkJson.workReport(field(n, "report"), p), u32(n, "slot"),
                list(n, "signatures", BlockJson::validatorSignature));
    }

    public static JsonNode toJson(ReportGuarantee g, ChainParams p) {
        ObjectNode o = object();
        o.set("report", WorkJson.toJson(g.report(), p));
        o.set("slot", num(g.slot()));
        o.set("signatures", array(g.signatures(), BlockJson::toJson));
        return o;
    }

    public static GuaranteesExtrinsic guaranteesExtrinsic(JsonNode n, ChainParams p) {
        return new GuaranteesExtrinsic(list(n, x -> reportGuarantee(x, p)));
    }

    public static JsonNode toJson(GuaranteesExtrinsic x, ChainParams p) {
        return array(x.guarantees(), g -> toJson(g, p));
    }

    // ---- assurances

    public static AvailAssurance availAssurance(JsonNode n) {
        return new AvailAssurance(hash(n, "anchor"), blob(n, "bitfield"), u16(n, "validator_index"),
                ed25519Sig(n, "signature"));
    }

    public static JsonNode toJson(AvailAssurance a) {
        ObjectNode o = object();
        o.put("anchor", a.anchor().hex());
        o.put("bitfield", a.bitfield().hex());
        o.put("validator_index", a.validatorIndex());
        o.put("signature", a.signature().hex());
        return o;
    }

    public static AssurancesExtrinsic assurancesExtrinsic(JsonNode n) {
        return new AssurancesExtrinsic(list(n, BlockJson::availAssurance));
    }

    public static JsonNode toJson(AssurancesExtrinsic x) {
        return array(x.assurances(), BlockJson::toJson);
    }

    // ---- disputes

    public static Judgement judgement(JsonNode n) {
        return new Judgement(bool(n, "vote"), u16(n, "index"), ed25519Sig(n, "signature"));
    }

    public static JsonNode toJson(Judgement j) {
        ObjectNode o = object();
        o.put("vote", j.vote());
        o.put("index", j.index());
        o.put("signature", j.signature().hex());
        return o;
    }

    public static Verdict verdict(JsonNode n) {
        return new Verdict(hash(n, "target"), u32(n, "age"), list(n, "votes", BlockJson::judgement));
    }

    public static JsonNode toJson(Verdict v) {
        ObjectNode o = object();
        o.put("target", v.target().hex());
        o.set("age", num(v.age()));
        o.set("votes", array(v.votes(), BlockJson::toJson));
        return o;
    }

    public static Culprit culprit(JsonNode n) {
        return new Culprit(hash(n, "target"), ed25519(n, "key"), ed25519Sig(n, "signature"));
    }

    public static JsonNode toJson(Culprit c) {
        ObjectNode o = object();
        o.put("target", c.target().hex());
        o.put("key", c.key().hex());
        o.put("signature", c.signature().hex());
        return o;
    }

    public static Fault fault(JsonNode n) {
        return new Fault(hash(n, "target"), bool(n, "vote"), ed25519(n, "key"), ed25519Sig(n, "signature"));
    }

    public static JsonNode toJson(Fault f) {
        ObjectNode o = object();
        o.put("target", f.target().hex());
        o.put("vote", f.vote());
        o.put("key", f.key().hex());
        o.put("signature", f.signature().hex());
        return o;
    }

    public static DisputesExtrinsic disputesExtrinsic(JsonNode n) {
        return new DisputesExtrinsic(list(n, "verdicts", BlockJson::verdict), list(n, "culprits", BlockJson::culprit),
                list(n, "faults", BlockJson::fault));
    }

    public static JsonNode toJson(DisputesExtrinsic d) {
        ObjectNode o = object();
        o.set("verdicts", array(d.verdicts(), BlockJson::toJson));
        o.set("culprits", array(d.culprits(), BlockJson::toJson));
        o.set("faults", array(d.faults(), BlockJson::toJson));
        return o;
    }

    // ---- extrinsic, header, block

    public static Extrinsic extrinsic(JsonNode n, ChainParams p) {
        return new Extrinsic(ticketsExtrinsic(field(n, "tickets")), preimagesExtrinsic(field(n, "preimages")),
                guaranteesExtrinsic(field(n, "guarantees"), p), assurancesExtrinsic(field(n, "assurances")),
                disputesExtrinsic(field(n, "disputes")));
    }

    public static JsonNode toJson(Extrinsic x, ChainParams p) {
        ObjectNode o = object();
        o.set("tickets", toJson(x.tickets()));
        o.set("preimages", toJson(x.preimages()));
        o.set("guarantees", toJson(x.guarantees(), p));
        o.set("assurances", toJson(x.assurances()));
        o.set("disputes", toJson(x.disputes()));
        return o;
    }

    public static EpochMarkValidator epochMarkValidator(JsonNode n) {
        return new EpochMarkValidator(bandersnatch(n, "bandersnatch"), ed25519(n, "ed25519"));
    }

    public static JsonNode toJson(EpochMarkValidator v) {
        ObjectNode o = object();
        o.put("bandersnatch", v.bandersnatch().hex());
        o.put("ed25519", v.ed25519().hex());
        return o;
    }

    /** An epoch mark, or {@code null} for a JSON null. */
    public static EpochMark epochMark(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        return new EpochMark(hash(n, "entropy"), hash(n, "tickets_entropy"),
                list(n, "validators", BlockJson::epochMarkValidator));
    }

    public static JsonNode toJson(EpochMark m) {
        if (m == null) {
            return F.nullNode();
        }
        ObjectNode o = object();
        o.put("entropy", m.entropy().hex());
        o.put("tickets_entropy", m.ticketsEntropy().hex());
        o.set("validators", array(m.validators(), BlockJson::toJson));
        return o;
    }

    /** A tickets mark, or {@code null} for a JSON null. */
    public static List<TicketBody> ticketsMark(JsonNode n) {
        return n == null || n.isNull() ? null : list(n, BlockJson::ticketBody);
    }

    public static JsonNode ticketsMarkToJson(List<TicketBody> m) {
        return m == null ? F.nullNode() : array(m, BlockJson::toJson);
    }

    public static Header header(JsonNode n, ChainParams p) {
        return new Header(hash(n, "parent"), hash(n, "parent_state_root"), hash(n, "extrinsic_hash"), u32(n, "slot"),
                epochMark(field(n, "epoch_mark")), ticketsMark(field(n, "tickets_mark")), u16(n, "author_index"),
                vrfSig(n, "entropy_source"), list(n, "offenders_mark", JsonSupport::ed25519), vrfSig(n, "seal"));
    }

    public static JsonNode toJson(Header h, ChainParams p) {
        ObjectNode o = object();
        o.put("parent", h.parent().hex());
        o.put("parent_state_root", h.parentStateRoot().hex());
        o.put("extrinsic_hash", h.extrinsicHash().hex());
        o.set("slot", num(h.slot()));
        o.set("epoch_mark", toJson(h.epochMark()));
        o.set("tickets_mark", ticketsMarkToJson(h.ticketsMark()));
        o.put("author_index", h.authorIndex());
        o.put("entropy_source", h.entropySource().hex());
        ArrayNode off = array();
        h.offendersMark().forEach(k -> off.add(k.hex()));
        o.set("offenders_mark", off);
        o.put("seal", h.seal().hex());
        return o;
    }

    public static Block block(JsonNode n, ChainParams p) {
        return new Block(header(field(n, "header"), p), extrinsic(field(n, "extrinsic"), p));
    }

    public static JsonNode toJson(Block b, ChainParams p) {
        ObjectNode o = object();
        o.set("header", toJson(b.header(), p));
        o.set("extrinsic", toJson(b.extrinsic(), p));
        return o;
    }

}
