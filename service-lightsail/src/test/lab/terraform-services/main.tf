# The learner's domain in Lightsail DNS with a record (domains live in us-east-1), a load balancer with a server
# attached and a certificate, a bucket with an access key, and a container service, as Terraform, for apply / plan /
# destroy.
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

resource "aws_lightsail_domain" "blog" {
  domain_name = "seed-blog.com"
}

resource "aws_lightsail_domain_entry" "www" {
  domain_name = aws_lightsail_domain.blog.domain_name
  name        = "www"
  type        = "A"
  target      = "203.0.113.10"
}

resource "aws_lightsail_lb" "web" {
  name              = "seed-lb"
  health_check_path = "/"
  instance_port     = 80
  tags = {
    course = "django"
  }
}

resource "aws_lightsail_bucket" "media" {
  name      = "seed-blog-media"
  bundle_id = "small_1_0"
}

resource "aws_lightsail_instance" "web" {
  name              = "seed-web"
  availability_zone = "us-east-1a"
  blueprint_id      = "ubuntu_22_04"
  bundle_id         = "micro_3_0"
}

resource "aws_lightsail_lb_attachment" "web" {
  lb_name       = aws_lightsail_lb.web.name
  instance_name = aws_lightsail_instance.web.name
}

resource "aws_lightsail_lb_certificate" "web" {
  name        = "seed-cert"
  lb_name     = aws_lightsail_lb.web.name
  domain_name = "seed-blog.com"
}

resource "aws_lightsail_bucket_access_key" "media" {
  bucket_name = aws_lightsail_bucket.media.name
}

resource "aws_lightsail_container_service" "api" {
  name  = "seed-api"
  power = "nano"
  scale = 1
}

output "domain_arn" {
  value = aws_lightsail_domain.blog.arn
}
