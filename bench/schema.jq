# schema.jq: turns `certwiz describe --json PRODUCT` into a JSON Schema
# (draft 2020-12 as ajv reads it) with the same rules: types, required
# fields, enumerations, formats and the conditions as if/then.
#   jq -f bench/schema.jq < describe.json > bench/schema/PRODUCT.json

# Where a dotted form path ("a.b[].c") lives in the schema.
def spath: split(".") | map(if endswith("[]") then ["properties", .[:-2], "items"]
	else ["properties", .] end) | add
	| if .[-1] == "items" then . else . end;
# The schema path of the object that holds the field.
def container: split(".") | .[:-1] | if length == 0 then [] else join(".") | spath end;
def leaf: split(".")[-1] | sub("\\[\\]$"; "");

# The schema of a value, by the field's type.
def typeschema:
	. as $f |
	(if .json_type == "integer" then {type: ["integer", "string"], pattern: "^-?[0-9]+$"}
	 elif .json_type == "string" then {type: "string"}
	 elif .json_type == "boolean" then {type: "boolean"}
	 elif .json_type == "array" then {type: "array"}
	 elif .json_type == "object" then {type: "object"}
	 else {} end)
	+ (if .type == "email" then {format: "email"}
	   elif .type == "date" then {format: "date"}
	   elif .type == "dns-name" then {format: "hostname"}
	   elif .type == "phone" then {pattern: "^\\+?[0-9 ().-]{7,25}$"}
	   elif .type == "country" then {pattern: "^[A-Za-z]{2}$"}
	   elif .type == "csr" then {pattern: "^-----BEGIN (NEW )?CERTIFICATE REQUEST-----[A-Za-z0-9+/=\\s]+-----END (NEW )?CERTIFICATE REQUEST-----\\s*$"}
	   elif .type == "card-number" then {pattern: "^[0-9][0-9 -]{10,22}[0-9]$"}
	   elif .type == "cvv" then {pattern: "^[0-9]{3,4}$"}
	   elif .type == "card-month" then {pattern: "^(0[1-9]|1[0-2])$"}
	   elif .type == "card-year" then {pattern: "^20[0-9]{2}$"}
	   elif .type == "thumbprint" then {pattern: "^[0-9A-Fa-f]{40}([0-9A-Fa-f]{24})?$"}
	   elif .type == "list" then {items: {type: "string", minLength: 1}}
	   elif .type == "object-list" then {items: {type: "object"}, minItems: 1}
	   elif .type == "string" or .type == "text" then {minLength: 1}
	   else {} end)
	+ (if .values != null then
		(if .json_type == "array" then {items: {enum: .values}} else {enum: .values} end)
	   else {} end)
	| if ($f.nullable or (($f.values // []) | index([null]))) and .type != null
	  then .type = ([.type] | flatten + ["null"]) else . end;

# A condition term ("a == 'x'", "a != 1", "!a", "a in ('x', 'y')") as a
# schema for the object `scope` (a list of path segments before the name).
def term(scope):
	def rel: sub("^\\s+"; "") | sub("\\s+$"; "") | split(".") | .[(scope | length):]
		| map(sub("\\[\\]$"; ""));
	def nest(p; s): reduce (p | reverse)[] as $k (s; {properties: {($k): .}, required: [$k]});
	def lit: sub("^\\s+"; "") | sub("\\s+$"; "") | if test("^'") then .[1:-1] else tonumber end;
	sub("^\\s+"; "") |
	if test("^!") then (.[1:] | rel) as $p
		| {not: nest($p; {not: {enum: [false, null, 0, ""]}})}
	elif test(" == ") then (split(" == ")) as $x | nest($x[0] | rel; {const: ($x[1] | lit)})
	elif test(" != ") then (split(" != ")) as $x | {not: nest($x[0] | rel; {const: ($x[1] | lit)})}
	elif test(" in \\(") then (split(" in (")) as $x
		| nest($x[0] | rel; {enum: ($x[1] | rtrimstr(")") | split(",") | map(lit))})
	else error("condition not understood: " + .) end;

# The scope (segments) where a condition on a field is checked: the field's
# container when every name in the condition lives there, else the root.
def scope_of($cond; $path):
	($path | split(".") | .[:-1]) as $c
	| ([$cond | scan("[A-Za-z_][A-Za-z0-9_.\\[\\]]*") | select(test("^(in)$") | not)
	    | select(test("^[a-z]"))] ) as $names
	| if ($c | length) > 0 and all($names[]; startswith(($c | join(".")) + "."))
	  then $c else [] end;

def segs_spath: map(if endswith("[]") then ["properties", .[:-2], "items"] else ["properties", .] end) | add // [];

.fields as $f
| reduce $f[] as $x ({"$schema": "https://json-schema.org/draft/2020-12/schema",
		title: .product, type: "object"};
	setpath($x.path | spath; (getpath($x.path | spath) // {}) + ($x | typeschema))
	| if $x.required == "required" then
		($x.path | container) as $c
		| setpath($c + ["required"]; ((getpath($c + ["required"]) // []) + [$x.path | leaf] | unique))
	  elif $x.required == "conditional" and $x.condition != null then
		scope_of($x.condition; $x.path) as $s
		| ($x.path | split(".") | .[($s | length):] | map(sub("\\[\\]$"; ""))) as $rest
		| (reduce ($rest[:-1] | reverse)[] as $k ({required: [$rest[-1]]};
			{properties: {($k): .}})) as $thn
		| ($x.condition | split(" && ") | map(term($s))
			| if length == 1 then .[0] else {allOf: .} end) as $cnd
		| ($s | segs_spath) as $sp
		| setpath($sp + ["allOf"]; (getpath($sp + ["allOf"]) // []) + [{if: $cnd, then: $thn}])
	  else . end)
