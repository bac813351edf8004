# The learner's site behind a Lightsail CDN, as Terraform: a bucket as the origin, a certificate for the site's names
# validated through CNAME records in the Lightsail zone, and a distribution that serves the names with it (domains,
# certificates for distributions and distributions all live in us-east-1), for apply / plan / destroy.
variable "endpoint" { type = string }

terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}

provider "aws" {
  region                      = "us-east-1"
  access_key                  = "test"
  secret_key                  = "test"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  endpoints {
    lightsail = var.endpoint
  }
}

resource "aws_lightsail_domain" "site" {
  domain_name = "seed-cdn.com"
}

resource "aws_lightsail_certificate" "site" {
  name                      = "seed-cdn-cert"
  domain_name               = "seed-cdn.com"
  subject_alternative_names = ["www.seed-cdn.com"]
}

# ACM's validation CNAMEs, published in the Lightsail zone (entry names are relative to the zone); keyed by the
# certificate's names, known before apply
resource "aws_lightsail_domain_entry" "validation" {
  for_each    = toset(["seed-cdn.com", "www.seed-cdn.com"])
  domain_name = aws_lightsail_domain.site.domain_name
  name        = trimsuffix(local.validation[each.key].resource_record_name, ".seed-cdn.com.")
  type        = "CNAME"
  target      = trimsuffix(local.validation[each.key].resource_record_value, ".")
}

locals {
  validation = { for o in aws_lightsail_certificate.site.domain_validation_options : o.domain_name => o }
}

resource "aws_lightsail_bucket" "assets" {
  name      = "seed-cdn-assets"
  bundle_id = "small_1_0"
}

resource "aws_lightsail_distribution" "site" {
  name             = "seed-cdn"
  bundle_id        = "small_1_0"
  certificate_name = aws_lightsail_certificate.site.name
  origin {
    name        = aws_lightsail_bucket.assets.name
    region_name = aws_lightsail_bucket.assets.region
  }
  default_cache_behavior {
    behavior = "cache"
  }
  cache_behavior {
    path     = "/admin/*"
    behavior = "dont-cache"
  }
  cache_behavior_settings {
    allowed_http_methods = "GET,HEAD,OPTIONS"
    cached_http_methods  = "GET,HEAD"
    default_ttl          = 86400
    maximum_ttl          = 31536000
    forwarded_cookies {
      option = "none"
    }
    forwarded_query_strings {
      option = false
    }
  }
  tags = {
    course = "django"
  }
  # the certificate must be issued: its validation records first
  depends_on = [aws_lightsail_domain_entry.validation]
}

output "distribution_domain_name" {
  value = aws_lightsail_distribution.site.domain_name
}
